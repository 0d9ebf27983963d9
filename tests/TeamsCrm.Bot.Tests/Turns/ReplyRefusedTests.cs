using TeamsCrm.TestSupport;

namespace TeamsCrm.Bot.Tests.Turns;

/// <summary>
/// A reply the connector refuses for good (a 4xx other than 429 and 412) ends the turn with 200: failing it would make the
/// connector redeliver the activity into the same refusal. A transient failure still fails the turn, for redelivery.
/// </summary>
public class ReplyRefusedTests
{
    [Fact]
    public async Task A_reply_refused_with_400_ends_the_turn_without_a_500()
    {
        await using var bot = await TestBot.StartAsync();
        bot.Connector.FailNext(400, """{"error":{"code":"BadArgument","message":"Activity too big"}}""");

        Assert.Equal(200, (await bot.Say(Demo.LiNa, "help")).Status);
        Assert.False(await bot.Archive.Conversations.IsUnreachableAsync(Demo.PersonalChat(Demo.LiNa)));
    }

    [Fact]
    public async Task A_conversation_gone_is_marked_and_the_turn_ends_with_200()
    {
        await using var bot = await TestBot.StartAsync();
        bot.Connector.FailNext(404, """{"error":{"code":"ConversationNotFound"}}""");

        Assert.Equal(200, (await bot.Say(Demo.LiNa, "help")).Status);
        Assert.True(await bot.Archive.Conversations.IsUnreachableAsync(Demo.PersonalChat(Demo.LiNa)));
    }

    [Fact]
    public async Task A_connector_that_keeps_failing_fails_the_turn_so_that_it_is_redelivered()
    {
        await using var bot = await TestBot.StartAsync(settings: new Dictionary<string, string?> { ["Bot:ConnectorRetry:MaxRetries"] = "0" });
        bot.Connector.FailNext(502, "");

        Assert.Equal(500, (await bot.Say(Demo.LiNa, "help")).Status);
    }
}
