using Microsoft.Extensions.DependencyInjection;
using TeamsCrm.BotFramework.Hosting;
using TeamsCrm.BotFramework.Schema;
using TeamsCrm.TestSupport;

namespace TeamsCrm.BotFramework.Tests.Hosting;

public class ActivityDispatchTests
{
    /// <summary>Not the SDKs' 501: no input may make the bot answer with a 5xx, and Teams sends only the invokes the manifest declares.</summary>
    [Fact]
    public async Task An_invoke_nothing_handles_is_a_400()
    {
        await using var bot = await TestBot.StartAsync();
        var invoke = Activities.CardAction(bot.ServiceUrl, Demo.LiNa, "help.show").With("name", "composeExtension/querySettingUrl");   // settings: the app has none

        var result = await bot.PostAsync(invoke);

        Assert.Equal(400, result.Status);
        Assert.Null(result.Body);
        Assert.Empty(result.Calls);
    }

    [Fact]
    public async Task An_invoke_whose_turn_throws_is_answered_200_with_an_error_body()
    {
        await using var bot = await TestBot.StartAsync(services: s => s.AddSingleton<IActivityHandler, ThrowingHandler>());

        var result = await bot.PostAsync(Activities.CardAction(bot.ServiceUrl, Demo.LiNa, "help.show"));

        Assert.Equal(200, result.Status);
        Assert.Equal("application/vnd.microsoft.error", (string?)result.Body?["type"]);
        Assert.Equal(500, (int?)result.Body?["statusCode"]);
    }

    /// <summary>A message's answer shows nobody anything; a 500 makes the connector deliver it again, and the retry runs anew.</summary>
    [Fact]
    public async Task A_message_whose_turn_throws_is_a_500_so_that_it_is_redelivered()
    {
        await using var bot = await TestBot.StartAsync(services: s => s.AddSingleton<IActivityHandler, ThrowingHandler>());

        var result = await bot.PostAsync(Activities.Message(bot.ServiceUrl, Demo.LiNa, "help"));

        Assert.Equal(500, result.Status);
        Assert.Null(result.Body);
    }

    sealed class ThrowingHandler : IActivityHandler
    {
        public Task<InvokeResponse?> OnActivityAsync(Activity activity, CancellationToken ct) =>
            throw new InvalidOperationException("the archive is down");
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
