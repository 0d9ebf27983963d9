using Microsoft.Extensions.DependencyInjection;
using TeamsCrm.Bot.Teams;
using TeamsCrm.Bot.Tests.Archive.SharePoint;
using TeamsCrm.Bot.Turns;
using TeamsCrm.TestSupport;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.Scale;

/// <summary>
/// Two bot instances on one SharePoint and one connector, sharing a real redis-server: an activity delivered to both is
/// processed once, and what one instance learns of a conversation (blocked, removed) the other acts on.
/// </summary>
public class TwoInstancesTests
{
    [Fact]
    public async Task The_same_activity_delivered_to_both_instances_is_processed_once()
    {
        await using var sharePoint = await FakeSharePoint.StartAsync();
        await using var redis = await RedisServer.StartAsync();
        await using var a = await TestBot.StartAsync(settings: TwoInstances.Settings(sharePoint, redis));
        await using var b = await a.StartAnotherInstanceAsync();
        var filed = Message(a.ServiceUrl, Demo.LiNa, "whoami");
        a.Connector.Clear();

        var statuses = await Task.WhenAll(TwoInstances.DeliverAsync(a, filed), TwoInstances.DeliverAsync(b, filed));
        await TwoInstances.DeliverAsync(b, filed);   // and once more, later

        Assert.Equal([200, 200], statuses);
        var reply = Assert.Single(a.Connector.Calls, c => c.Method == "POST");
        Assert.Equal($"/v3/conversations/{Demo.PersonalChat(Demo.LiNa)}/activities/{filed["id"]}", reply.Path);
    }

    [Fact]
    public async Task Without_redis_each_instance_processes_it_as_its_own()
    {
        await using var sharePoint = await FakeSharePoint.StartAsync();
        await using var a = await TestBot.StartAsync(settings: TwoInstances.Settings(sharePoint, redis: null));
        await using var b = await a.StartAnotherInstanceAsync();
        var filed = Message(a.ServiceUrl, Demo.LiNa, "whoami");
        a.Connector.Clear();

        await Task.WhenAll(TwoInstances.DeliverAsync(a, filed), TwoInstances.DeliverAsync(b, filed));

        Assert.Equal(2, a.Connector.Calls.Count(c => c.Method == "POST"));   // what Redis prevents above
    }

    [Fact]
    public async Task A_turn_on_either_instance_writes_a_reference_only_when_it_changed_and_reads_no_marks()
    {
        await using var sharePoint = await FakeSharePoint.StartAsync();
        await using var redis = await RedisServer.StartAsync();
        await using var a = await TestBot.StartAsync(settings: TwoInstances.Settings(sharePoint, redis));
        await using var b = await a.StartAnotherInstanceAsync();
        await TwoInstances.DeliverAsync(a, Message(a.ServiceUrl, Demo.LiNa, "whoami"));
        await TwoInstances.DeliverAsync(a, Message(a.ServiceUrl, Demo.LiNa, "whoami"));   // a's turns learn nothing more (lists looked up)

        sharePoint.Server.ResetCounters();
        await TwoInstances.DeliverAsync(b, Message(a.ServiceUrl, Demo.LiNa, "whoami"));

        // b knows from Redis that a saved both references, and that nobody marked the chat since: no Graph call at all.
        Assert.Equal(0, sharePoint.Server.Counters.HttpCalls);
    }

    [Fact]
    public async Task A_chat_marked_blocked_on_one_instance_is_written_again_when_the_user_writes_to_the_other()
    {
        await using var sharePoint = await FakeSharePoint.StartAsync();
        await using var redis = await RedisServer.StartAsync();
        await using var a = await TestBot.StartAsync(settings: TwoInstances.Settings(sharePoint, redis));
        await using var b = await a.StartAnotherInstanceAsync();
        await TwoInstances.DeliverAsync(b, Message(a.ServiceUrl, Demo.LiNa, "whoami"));
        var lina = (await a.Archive.Conversations.FindUserAsync(Demo.LiNa.AadObjectId))!;
        var messenger = a.Services.GetRequiredService<IChannelMessenger>();

        a.Connector.FailNext(403, """{"error":{"code":"MessageWritesBlocked","message":"The bot is blocked"}}""");
        Assert.False(await messenger.SendTextAsync(lina, "Your follow-ups for today"));
        Assert.True(await b.Archive.Conversations.IsUnreachableAsync(Demo.PersonalChat(Demo.LiNa)));

        await TwoInstances.DeliverAsync(b, Message(a.ServiceUrl, Demo.LiNa, "whoami"));   // she writes again; b had her chat saved

        Assert.False(await a.Archive.Conversations.IsUnreachableAsync(Demo.PersonalChat(Demo.LiNa)));
        a.Connector.Clear();
        Assert.True(await messenger.SendTextAsync(lina, "Your follow-ups for today"));
    }

    [Fact]
    public async Task When_redis_goes_away_the_instances_go_on_answering()
    {
        await using var sharePoint = await FakeSharePoint.StartAsync();
        var redis = await RedisServer.StartAsync();
        await using var a = await TestBot.StartAsync(settings: TwoInstances.Settings(sharePoint, redis));
        await TwoInstances.DeliverAsync(a, Message(a.ServiceUrl, Demo.LiNa, "whoami"));
        await redis.DisposeAsync();

        var turn = await a.Say(Demo.LiNa, "whoami");

        Assert.Equal(200, turn.Status);
        Assert.Single(turn.Calls, c => c.Method == "POST");
    }
}
