using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsCrm.Bot.Turns;
using Microsoft.Extensions.Time.Testing;
using TeamsCrm.BotFramework.Hosting;
using TeamsCrm.TestSupport;

namespace TeamsCrm.BotFramework.Tests.Hosting;

/// <summary>The connector redelivers an activity whose turn took too long: the same activity id is processed once.</summary>
public class RedeliveryTests
{
    [Fact]
    public async Task A_redelivered_message_is_not_answered_twice()
    {
        await using var bot = await TestBot.StartAsync();
        var message = Activities.Message(bot.ServiceUrl, Demo.LiNa, "help");

        var first = await bot.PostAsync(message);
        var again = await bot.PostAsync(message);

        Assert.Single(first.Calls);
        Assert.Equal(200, again.Status);
        Assert.Empty(again.Calls);
    }

    [Fact]
    public async Task After_the_ten_minute_window_the_same_id_is_processed_again()
    {
        await using var bot = await TestBot.StartAsync();
        var message = Activities.Message(bot.ServiceUrl, Demo.LiNa, "help");
        await bot.PostAsync(message);

        bot.Clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Empty((await bot.PostAsync(message)).Calls);
        bot.Clock.Advance(TimeSpan.FromMinutes(1.5));
        // The entry has expired: the activity is new again.
        Assert.Single((await bot.PostAsync(message)).Calls);
    }

    [Fact]
    public async Task The_same_activity_id_in_another_conversation_is_a_different_activity()
    {
        await using var bot = await TestBot.StartAsync();
        var inChat = Activities.Message(bot.ServiceUrl, Demo.LiNa, "help");
        var inTeam = Activities.Message(bot.ServiceUrl, Demo.LiNa, "help", conversationId: Demo.TeamChannel, conversationType: "channel")
            .With("id", inChat["id"]!.DeepClone());

        await bot.PostAsync(inChat);
        var other = await bot.PostAsync(inTeam);

        Assert.Single(other.Calls);
    }

    [Fact]
    public async Task A_redelivered_card_action_runs_once_and_gets_the_same_answer()
    {
        var runs = 0;
        await using var bot = await TestBot.StartAsync(services: s => s.AddSingleton(_ =>
        {
            var router = Routes.Map(new Router());
            router.Verb("test.count", (Turn _) => Reply.ReplaceCard(new JsonObject
            {
                ["type"] = "AdaptiveCard", ["version"] = "1.5", ["run"] = Interlocked.Increment(ref runs),
            }));
            return router;
        }));
        var invoke = Activities.CardAction(bot.ServiceUrl, Demo.LiNa, "test.count");

        var first = await bot.PostAsync(invoke);
        var again = await bot.PostAsync(invoke);

        Assert.Equal((200, 200), (first.Status, again.Status));
        Assert.Equal(1, (int)first.InvokeCard!["run"]!);
        Assert.True(JsonNode.DeepEquals(first.Body, again.Body), $"{first.Body?.ToJsonString()} vs {again.Body?.ToJsonString()}");
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task Past_the_memorys_capacity_the_oldest_activity_is_forgotten_and_would_run_again()
    {
        var dedup = new ActivityDeduplicator(new FakeTimeProvider());
        var runs = 0;
        Task<string?> Turn() { Interlocked.Increment(ref runs); return Task.FromResult<string?>("answer"); }

        await dedup.RunOnceAsync("first", Turn);
        for (var i = 0; i < ActivityDeduplicator.MaxRemembered - 1; i++) await dedup.RunOnceAsync($"other-{i}", Turn);
        Assert.False((await dedup.RunOnceAsync("first", Turn)).FirstRun);   // still within the capacity

        await dedup.RunOnceAsync("one-more", Turn);   // "first" was the oldest write: it goes

        Assert.True((await dedup.RunOnceAsync("first", Turn)).FirstRun);
        Assert.Equal(ActivityDeduplicator.MaxRemembered + 2, runs);
    }
}
