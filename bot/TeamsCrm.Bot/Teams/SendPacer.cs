using TeamsCrm.BotFramework.Caching;

namespace TeamsCrm.Bot.Teams;

/// <summary>
/// Keeps proactive sends within Teams' limits (TEAMS-PROTOCOL.md "Limits") before the connector has to say 429: per
/// bot and conversation 7 in 1 s, 8 in 2 s, 60 in 30 s, 1,800 in an hour; per app and tenant about 50 a second. Each
/// window is a sliding log of send times; a send waits (on the app's clock) until every window of its conversation and
/// tenant has room. A 429 that still comes back is the retry handler's (Retry-After honoured).
/// </summary>
/// <remarks>
/// The logs are bounded: one quiet for the longest window (an hour) has nothing left to say and goes, and past
/// <see cref="MaxTracked"/> conversations the one that sent longest ago goes first (its short windows are long over).
/// </remarks>
public sealed class SendPacer(TimeProvider clock) : ISendBudget
{
    public static readonly (int Count, TimeSpan Per)[] PerConversation =
        [(7, TimeSpan.FromSeconds(1)), (8, TimeSpan.FromSeconds(2)), (60, TimeSpan.FromSeconds(30)), (1800, TimeSpan.FromHours(1))];
    /// <summary>
    /// 50 a second, kept with a 10 % margin: a send admitted here reaches the service a little later, not always evenly —
    /// with two instances busy at once, 5 % still let one in a fifty arrive inside the service's second.
    /// </summary>
    public static readonly (int Count, TimeSpan Per)[] PerTenant = [(50, TimeSpan.FromSeconds(1.1))];
    public const int MaxTracked = 10_000;

    readonly BoundedCache<string, Queue<DateTimeOffset>> _sent = new(MaxTracked, Longest(PerConversation, PerTenant), clock, StringComparer.Ordinal);
    readonly Lock _gate = new();

    public async Task WaitTurnAsync(string tenantId, string conversationId, CancellationToken ct)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = clock.GetUtcNow();
                var tenant = Log("t:" + tenantId);
                var conversation = Log("c:" + conversationId);
                var free = Max(FreeAt(tenant, PerTenant, now), FreeAt(conversation, PerConversation, now));
                if (free <= now)
                {
                    Record(tenant, now, PerTenant);
                    Record(conversation, now, PerConversation);
                    _sent.Set("t:" + tenantId, tenant);   // written now: its age starts again
                    _sent.Set("c:" + conversationId, conversation);
                    return;
                }
                wait = free - now;
            }
            await Task.Delay(wait, clock, ct);
        }
    }

    Queue<DateTimeOffset> Log(string key)
    {
        if (!_sent.TryGetValue(key, out var log)) _sent.Set(key, log = new Queue<DateTimeOffset>());
        return log;
    }

    /// <summary>The first instant every window has room for one more send. The log is oldest first.</summary>
    static DateTimeOffset FreeAt(Queue<DateTimeOffset> log, (int Count, TimeSpan Per)[] windows, DateTimeOffset now)
    {
        var free = now;
        var times = log.ToArray();
        foreach (var (count, per) in windows)
        {
            var inWindow = times.Count(t => t > now - per);
            if (inWindow >= count) free = Max(free, times[^count] + per);
        }
        return free;
    }

    static void Record(Queue<DateTimeOffset> log, DateTimeOffset now, (int Count, TimeSpan Per)[] windows)
    {
        log.Enqueue(now);
        var longest = windows.Max(w => w.Per);
        var most = windows.Max(w => w.Count);
        while (log.Count > most || (log.Count > 0 && log.Peek() <= now - longest)) log.Dequeue();
    }

    static TimeSpan Longest(params (int Count, TimeSpan Per)[][] limits) => limits.SelectMany(l => l).Max(w => w.Per);

    static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
