namespace TeamsCrm.BotFramework.Schema;

/// <summary>The HTTP answer to an invoke activity: status code and JSON body of the POST itself.</summary>
public sealed record InvokeResponse(int Status, object? Body = null);
