using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace TeamsCrm.Bot.Scale;

/// <summary>
/// The one connection to Redis every instance shares state through, opened at the first use and kept (the multiplexer
/// reconnects by itself). Keys are named <c>teamscrm:{bot app id}:…</c>, so that two bots (a test and a production one)
/// may share a cache without seeing each other's keys.
/// </summary>
/// <remarks>
/// Redis is a help, not a dependency: whoever uses it falls back to what one instance knows when it cannot be reached
/// (<see cref="RedisException"/>, a timeout), and says so in the log at most once a minute — the turn goes on.
/// </remarks>
public sealed partial class RedisConnection(string configuration, string appId, TimeProvider clock, ILogger<RedisConnection> log) : IAsyncDisposable
{
    readonly Lazy<Task<ConnectionMultiplexer>> _connection = new(() => ConnectAsync(configuration));
    readonly string _prefix = $"teamscrm:{(string.IsNullOrEmpty(appId) ? "local" : appId)}:";
    long _lastWarning = long.MinValue;

    public async Task<IDatabase> DatabaseAsync() => (await _connection.Value).GetDatabase();

    public RedisKey Key(string name) => _prefix + name;

    /// <summary>Whether <paramref name="e"/> means Redis could not be reached (then the caller falls back), logged at most once a minute.</summary>
    public bool Unreachable(Exception e, string doing)
    {
        if (e is not (RedisException or TimeoutException)) return false;
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var last = Interlocked.Read(ref _lastWarning);
        if (now - last >= 60 && Interlocked.CompareExchange(ref _lastWarning, now, last) == last) LogUnreachable(log, e, doing);
        return true;
    }

    static async Task<ConnectionMultiplexer> ConnectAsync(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;   // start without it; the multiplexer connects when it can
        // While it is down a command fails at once (and the caller falls back) rather than queueing until a timeout: a turn
        // must not wait seconds for a help.
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ClientName = "teamscrm";
        return await ConnectionMultiplexer.ConnectAsync(options);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated) await (await _connection.Value).DisposeAsync();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis could not be reached while {Doing}; this instance goes on with what it knows itself")]
    static partial void LogUnreachable(ILogger logger, Exception e, string doing);
}
