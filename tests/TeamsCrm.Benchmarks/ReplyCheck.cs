using TeamsCrm.TestSupport;

namespace TeamsCrm.Benchmarks;

/// <summary>
/// `help` answers with one card, sent as a reply to the activity: POST …/activities/{activity id}. Every
/// answered request must have produced exactly one such call, and nothing else may have been sent.
/// </summary>
public static class ReplyCheck
{
    const string Marker = "/activities/";

    public static string? Problem(IReadOnlyList<ConnectorCall> calls, IEnumerable<string> answeredIds)
    {
        var replies = new Dictionary<string, int>(StringComparer.Ordinal);
        var stray = 0;
        foreach (var call in calls)
        {
            var at = call.Path.LastIndexOf(Marker, StringComparison.Ordinal);
            if (call.Method != "POST" || at < 0) { stray++; continue; }
            var replyTo = call.Path[(at + Marker.Length)..];
            replies[replyTo] = replies.GetValueOrDefault(replyTo) + 1;
        }
        int missing = 0, several = 0, expected = 0;
        foreach (var id in answeredIds)
        {
            expected++;
            switch (replies.Remove(id, out var n) ? n : 0)
            {
                case 0: missing++; break;
                case > 1: several++; break;
            }
        }
        stray += replies.Values.Sum();   // replies to activities this phase did not send
        return missing + several + stray == 0
            ? null
            : $"{expected} answered: {missing} without reply, {several} with several, {stray} stray calls";
    }
}
