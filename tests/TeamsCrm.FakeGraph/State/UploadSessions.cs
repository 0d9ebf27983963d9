using System.Collections.Concurrent;

namespace TeamsCrm.FakeGraph.State;

/// <summary>
/// One createUploadSession: where the file will go, what has arrived (always a prefix: fragments are taken in order)
/// and until when the session lives. Fragments of one session are taken one at a time (<see cref="Gate"/>).
/// </summary>
internal sealed class UploadSession
{
    public required string Id { get; init; }
    public required FakeDrive Drive { get; init; }
    public required FileTarget Target { get; init; }
    public required ConflictBehavior Behavior { get; init; }
    public required string PartFile { get; init; }
    public bool DeferCommit { get; init; }
    /// <summary>The file size: item.fileSize when the session was created with one, else the first fragment's total.</summary>
    public long? Total { get; set; }
    /// <summary>Bytes received so far; the next fragment must start here.</summary>
    public long Next { get; set; }
    public QuickXorHash Hash { get; set; } = new();
    public DateTimeOffset ExpiresAt { get; set; }
    public SemaphoreSlim Gate { get; } = new(1, 1);
    /// <summary>Set once cancelled, expired or committed: a fragment that was waiting for the gate then finds it gone.</summary>
    public bool Ended { get; set; }

    public bool Complete => Total is { } total && Next == total;
}

/// <summary>The open upload sessions. An expired one is forgotten (and its bytes removed) the next time any is looked up.</summary>
internal sealed class UploadSessions(TimeProvider clock)
{
    readonly ConcurrentDictionary<string, UploadSession> _open = new(StringComparer.Ordinal);

    public int Count => _open.Count;

    public void Add(UploadSession session) => _open[session.Id] = session;

    public UploadSession? Find(string id)
    {
        var now = clock.GetUtcNow();
        foreach (var expired in _open.Values.Where(s => s.ExpiresAt <= now).ToList()) End(expired);
        return _open.GetValueOrDefault(id);
    }

    /// <summary>Forgets a session and removes its fragments (a committed session's file has moved away already).</summary>
    public void End(UploadSession session)
    {
        session.Ended = true;
        _open.TryRemove(session.Id, out _);
        ContentStore.Delete(session.PartFile);
    }

    public void Clear()
    {
        foreach (var session in _open.Values.ToList()) End(session);
    }
}
