using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TeamsCrm.Bot.Scale;
using TeamsCrm.Bot.Teams;
using TeamsCrm.BotFramework.Hosting;
using TeamsCrm.BotFramework.Schema;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Bot.Tests.Scale;

/// <summary>
/// Redelivery dedup shared by two instances through a real redis-server: each "instance" is its own ledger with its own
/// in-process deduplicator, as two processes behind one bot address are.
/// </summary>
public class RedisRedeliveriesTests
{
    static RedisRedeliveries Instance(RedisServer redis, TimeProvider clock) =>
        new(new RedisConnection(redis.ConnectionString, "test-bot", clock, NullLogger<RedisConnection>.Instance), new ActivityDeduplicator(clock));

    [Fact]
    public async Task The_same_activity_on_two_instances_runs_once_and_both_answer_with_its_answer()
    {
        await using var redis = await RedisServer.StartAsync();
        var clock = new FakeTimeProvider();
        var (a, b) = (Instance(redis, clock), Instance(redis, clock));
        var runs = 0;
        var release = new TaskCompletionSource();
        async Task<InvokeResponse?> Turn()
        {
            Interlocked.Increment(ref runs);
            await release.Task;   // slow, as a turn the connector redelivers is
            return new InvokeResponse(200, new JsonObject { ["statusCode"] = 200, ["value"] = "filed C-2026-00042" });
        }

        var first = a.RunOnceAsync("19:chat|act-1", Turn);
        await Task.Delay(200);
        var redelivered = b.RunOnceAsync("19:chat|act-1", Turn);
        await Task.Delay(200);
        Assert.False(redelivered.IsCompleted);   // waits for the first run's answer
        release.SetResult();

        var (answerA, firstA) = await first;
        var (answerB, firstB) = await redelivered;
        Assert.Equal(1, runs);
        Assert.True(firstA);
        Assert.False(firstB);
        Assert.Equal(200, answerB!.Status);
        Assert.Equal(Json(answerA!.Body), Json(answerB.Body));
        Assert.Equal("""{"statusCode":200,"value":"filed C-2026-00042"}""", Json(answerB.Body));

        // Later (within the window) it is answered at once, still without running.
        var (again, firstAgain) = await b.RunOnceAsync("19:chat|act-1", Turn);
        Assert.Equal((1, false), (runs, firstAgain));
        Assert.Equal(Json(answerA.Body), Json(again!.Body));
    }

    [Fact]
    public async Task A_message_turn_has_no_answer_and_is_still_run_once()
    {
        await using var redis = await RedisServer.StartAsync();
        var clock = new FakeTimeProvider();
        var (a, b) = (Instance(redis, clock), Instance(redis, clock));
        var runs = 0;
        Task<InvokeResponse?> Turn() { Interlocked.Increment(ref runs); return Task.FromResult<InvokeResponse?>(null); }

        Assert.Equal((null, true), await a.RunOnceAsync("19:chat|msg-1", Turn));
        Assert.Equal((null, false), await b.RunOnceAsync("19:chat|msg-1", Turn));
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task A_run_that_failed_lets_go_so_that_the_redelivery_runs_it_on_the_other_instance()
    {
        await using var redis = await RedisServer.StartAsync();
        var clock = new FakeTimeProvider();
        var (a, b) = (Instance(redis, clock), Instance(redis, clock));

        await Assert.ThrowsAsync<HttpRequestException>(() => a.RunOnceAsync("19:chat|act-2", () => throw new HttpRequestException("archive down")));
        var (answer, first) = await b.RunOnceAsync("19:chat|act-2", () => Task.FromResult<InvokeResponse?>(new InvokeResponse(200)));

        Assert.True(first);
        Assert.Equal(200, answer!.Status);
    }

    [Fact]
    public async Task Without_redis_the_turn_still_runs()
    {
        var redis = await RedisServer.StartAsync();
        var clock = new FakeTimeProvider();
        var a = Instance(redis, clock);
        await a.RunOnceAsync("19:chat|before", () => Task.FromResult<InvokeResponse?>(null));   // connected
        await redis.DisposeAsync();   // killed: a failover, a network cut

        var (answer, first) = await a.RunOnceAsync("19:chat|act-3", () => Task.FromResult<InvokeResponse?>(new InvokeResponse(200)));

        Assert.True(first);
        Assert.Equal(200, answer!.Status);
    }

    static string Json(object? body) => ((JsonNode)System.Text.Json.JsonSerializer.SerializeToNode(body, BotJson.Options)!).ToJsonString();
}
