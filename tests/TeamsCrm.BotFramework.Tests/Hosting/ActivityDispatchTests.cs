using TeamsCrm.TestSupport;

namespace TeamsCrm.BotFramework.Tests.Hosting;

public class ActivityDispatchTests
{
    [Fact]
    public async Task An_invoke_nothing_handles_is_a_501()
    {
        await using var bot = await TestBot.StartAsync();
        var invoke = Activities.CardAction(bot.ServiceUrl, Demo.LiNa, "help.show").With("name", "composeExtension/query");

        var result = await bot.PostAsync(invoke);

        Assert.Equal(501, result.Status);
        Assert.Null(result.Body);
        Assert.Empty(result.Calls);
    }

    [Theory]
    [InlineData("typing")]
    [InlineData("messageReaction")]
    [InlineData("somethingTeamsInventsLater")]
    public async Task Other_activity_types_are_acknowledged_and_ignored(string type)
    {
        await using var bot = await TestBot.StartAsync();

        var result = await bot.PostAsync(Activities.Message(bot.ServiceUrl, Demo.LiNa, "help").With("type", type));

        Assert.Equal(200, result.Status);
        Assert.Null(result.Body);
        Assert.Empty(result.Calls);
    }
}
