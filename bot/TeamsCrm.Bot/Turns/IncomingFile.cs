namespace TeamsCrm.Bot.Turns;

/// <summary>
/// A file that came with a person's message: a document they attached, or a picture they pasted or took on their phone.
/// <paramref name="Open"/> downloads it (the Teams adapter knows from where and with which credentials); the caller reads
/// the stream to its end or disposes it. <paramref name="ContentType"/> is what Teams said, when it said something.
/// </summary>
public sealed record IncomingFile(string Name, string? ContentType, Func<CancellationToken, Task<Stream>> Open);
