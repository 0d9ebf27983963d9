using System.Diagnostics;

namespace TeamsCrm.TestSupport;

/// <summary>
/// Teams' documented send limits (TEAMS-PROTOCOL.md "Limits"), as the fake connector enforces them when asked: per bot and
/// conversation 7 in 1 s, 8 in 2 s, 60 in 30 s, 1,800 in an hour; per app and tenant 50 a second. Sliding windows on the
/// real clock; a send over any of them is refused (the connector answers 429 with Retry-After).
/// </summary>
public sealed class TeamsRateLimits
{
    static readonly (int Count, TimeSpan Per)[] PerConversation =
        [(7, TimeSpan.FromSeconds(1)), (8, TimeSpan.FromSeconds(2)), (60, TimeSpan.FromSeconds(30)), (1800, TimeSpan.FromHours(1))];
    static readonly (int Count, TimeSpan Per)[] PerTenant = [(50, TimeSpan.FromSeconds(1))];

    readonly Dictionary<string, List<TimeSpan>> _sent = new(StringComparer.Ordinal);
    readonly List<TimeSpan> _tenant = [];
    readonly Stopwatch _clock = Stopwatch.StartNew();
    readonly Lock _gate = new();

    /// <summary>Records the send and returns null, or returns how long to wait when a window is full (nothing recorded).</summary>
    public TimeSpan? TryAdmit(string conversationId)
    {
        lock (_gate)
        {
            var now = _clock.Elapsed;
            if (!_sent.TryGetValue(conversationId, out var log)) _sent[conversationId] = log = [];
            var wait = Math.Max(Wait(_tenant, PerTenant, now).Ticks, Wait(log, PerConversation, now).Ticks);
            if (wait > 0) return TimeSpan.FromTicks(wait);
            _tenant.Add(now);
            log.Add(now);
            return null;
        }
    }

    static TimeSpan Wait(List<TimeSpan> log, (int Count, TimeSpan Per)[] windows, TimeSpan now)
    {
        var wait = TimeSpan.Zero;
        foreach (var (count, per) in windows)
        {
            var inWindow = log.Where(t => t > now - per).ToList();
            if (inWindow.Count >= count) wait = TimeSpan.FromTicks(Math.Max(wait.Ticks, (inWindow[^count] + per - now).Ticks));
        }
        return wait;
    }
}
