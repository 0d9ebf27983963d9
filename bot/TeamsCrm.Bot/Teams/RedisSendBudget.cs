using System.Globalization;
using StackExchange.Redis;
using TeamsCrm.Bot.Scale;

namespace TeamsCrm.Bot.Teams;

/// <summary>
/// Teams' send limits kept once for every instance: the same windows as <see cref="SendPacer"/> (per conversation 7 in
/// 1 s … 1,800 in an hour; per tenant 50 a second), each a sorted set of send times in Redis, checked and recorded in one
/// script so that two instances never both take the last place in a window. A send that finds no room waits as long as
/// the script says and asks again.
/// </summary>
/// <remarks>
/// Times are the app's clock in milliseconds (instances' clocks agree far closer than the shortest window, a second).
/// Redis unreachable: this instance paces itself alone (<see cref="SendPacer"/>) until it is back; a 429 that comes of
/// that is the retry handler's, Retry-After honoured.
/// </remarks>
public sealed class RedisSendBudget(RedisConnection redis, SendPacer alone, TimeProvider clock) : ISendBudget
{
    /// <summary>
    /// KEYS: the tenant's log, the conversation's log. ARGV: now (ms), this send's unique member, the tenant's window count
    /// then (count, ms) pairs, the conversation's likewise. Returns 0 when the send was recorded in both, else the wait in ms.
    /// </summary>
    const string Script = """
        local now = tonumber(ARGV[1])
        local function windows(at)
          local n = tonumber(ARGV[at]); local list = {}
          for i = 1, n do list[i] = { tonumber(ARGV[at + 2 * i - 1]), tonumber(ARGV[at + 2 * i]) } end
          return list, at + 2 * n + 1
        end
        local tenant, after = windows(3)
        local conversation = windows(after)
        local function freeAt(key, list)
          local free = now
          for _, w in ipairs(list) do
            if redis.call('ZCOUNT', key, '(' .. (now - w[2]), '+inf') >= w[1] then
              local nth = redis.call('ZREVRANGE', key, w[1] - 1, w[1] - 1, 'WITHSCORES')
              local at = tonumber(nth[2]) + w[2]
              if at > free then free = at end
            end
          end
          return free
        end
        local free = math.max(freeAt(KEYS[1], tenant), freeAt(KEYS[2], conversation))
        if free > now then return free - now end
        local function record(key, list)
          local longest, most = 0, 0
          for _, w in ipairs(list) do longest = math.max(longest, w[2]); most = math.max(most, w[1]) end
          redis.call('ZADD', key, now, ARGV[2])
          redis.call('ZREMRANGEBYSCORE', key, '-inf', now - longest)
          redis.call('ZREMRANGEBYRANK', key, 0, -(most + 1))
          redis.call('PEXPIRE', key, longest)
        end
        record(KEYS[1], tenant)
        record(KEYS[2], conversation)
        return 0
        """;

    static readonly string[] Windows = [.. Flatten(SendPacer.PerTenant), .. Flatten(SendPacer.PerConversation)];
    readonly string _instance = Guid.NewGuid().ToString("N")[..12];
    long _sends;

    public async Task WaitTurnAsync(string tenantId, string conversationId, CancellationToken ct)
    {
        while (true)
        {
            long wait;
            try
            {
                var db = await redis.DatabaseAsync();
                var member = _instance + ":" + Interlocked.Increment(ref _sends).ToString(CultureInfo.InvariantCulture);
                RedisValue[] args = [clock.GetUtcNow().ToUnixTimeMilliseconds(), member, .. Windows.Select(w => (RedisValue)w)];
                wait = (long)await db.ScriptEvaluateAsync(Script, [redis.Key("{sends}:t:" + tenantId), redis.Key("{sends}:c:" + conversationId)], args);
            }
            catch (Exception e) when (redis.Unreachable(e, "pacing a send"))
            {
                await alone.WaitTurnAsync(tenantId, conversationId, ct);
                return;
            }
            if (wait <= 0) return;
            await Task.Delay(TimeSpan.FromMilliseconds(wait), clock, ct);
        }
    }

    /// <summary>A list of windows as the script reads it: their number, then count and length in ms of each.</summary>
    static IEnumerable<string> Flatten((int Count, TimeSpan Per)[] windows) =>
        [windows.Length.ToString(CultureInfo.InvariantCulture),
         .. windows.SelectMany(w => new[] { w.Count.ToString(CultureInfo.InvariantCulture), ((long)w.Per.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) })];
}
