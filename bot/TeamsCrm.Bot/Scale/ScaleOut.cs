namespace TeamsCrm.Bot.Scale;

/// <summary>What this deployment shares between its instances: a Redis connection (<c>Scale:Redis</c>), or nothing.</summary>
public sealed class ScaleOut(RedisConnection? redis) : IAsyncDisposable
{
    public RedisConnection? Redis => redis;

    public ValueTask DisposeAsync() => redis?.DisposeAsync() ?? ValueTask.CompletedTask;
}
