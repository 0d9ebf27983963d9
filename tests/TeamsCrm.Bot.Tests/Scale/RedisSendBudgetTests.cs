using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TeamsCrm.Bot.Scale;
using TeamsCrm.Bot.Teams;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Bot.Tests.Scale;

/// <summary>Teams' send limits kept once for two instances through a real redis-server, on a fake clock both share.</summary>
public class RedisSendBudgetTests
{
    static RedisSendBudget Instance(RedisServer redis, TimeProvider clock) =>
        new(new RedisConnection(redis.ConnectionString, "test-bot", clock, NullLogger<RedisConnection>.Instance), new SendPacer(clock), clock);

    [Fact]
    public async Task Two_instances_share_the_tenants_fifty_a_second()
    {
        await using var redis = await RedisServer.StartAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-07T09:00:00Z"));
        var (a, b) = (Instance(redis, clock), Instance(redis, clock));

        // 40 channels each, one send to each: 80 sends in one tenant at the same instant.
        var sends = Enumerable.Range(0, 80).Select(i => (i % 2 == 0 ? a : b).WaitTurnAsync("tenant-1", $"19:channel-{i}", CancellationToken.None)).ToList();
        await Settled(sends);
        Assert.Equal(50, sends.Count(s => s.IsCompleted));

        clock.Advance(SendPacer.PerTenant[0].Per);
        await Settled(sends);
        Assert.All(sends, s => Assert.True(s.IsCompletedSuccessfully));

        // Another tenant has its own budget.
        await a.WaitTurnAsync("tenant-2", "19:channel-x", CancellationToken.None);
    }

    [Fact]
    public async Task Two_instances_share_one_conversations_seven_a_second()
    {
        await using var redis = await RedisServer.StartAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-07T09:00:00Z"));
        var (a, b) = (Instance(redis, clock), Instance(redis, clock));

        var sends = Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? a : b).WaitTurnAsync("tenant-1", "19:busy-channel", CancellationToken.None)).ToList();
        await Settled(sends);
        Assert.Equal(7, sends.Count(s => s.IsCompleted));

        clock.Advance(TimeSpan.FromSeconds(1));
        await Settled(sends);
        Assert.Equal(8, sends.Count(s => s.IsCompleted));   // 8 in 2 s

        clock.Advance(TimeSpan.FromSeconds(1));
        await Settled(sends);
        Assert.Equal(10, sends.Count(s => s.IsCompleted));
    }

    [Fact]
    public async Task Without_redis_an_instance_paces_itself_alone()
    {
        var redis = await RedisServer.StartAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-07T09:00:00Z"));
        var a = Instance(redis, clock);
        await a.WaitTurnAsync("tenant-1", "19:channel-0", CancellationToken.None);
        await redis.DisposeAsync();

        var sends = Enumerable.Range(1, 9).Select(i => a.WaitTurnAsync("tenant-1", "19:one-channel", CancellationToken.None)).ToList();
        await Settled(sends);

        Assert.Equal(7, sends.Count(s => s.IsCompleted));
    }

    /// <summary>Lets the sends that can go ask Redis and return (real I/O: a fake clock does not move them).</summary>
    static async Task Settled(List<Task> sends)
    {
        for (var i = 0; i < 20; i++)
        {
            var done = sends.Count(s => s.IsCompleted);
            await Task.Delay(100);
            if (sends.Count(s => s.IsCompleted) == done && i > 2) return;
        }
    }
}
