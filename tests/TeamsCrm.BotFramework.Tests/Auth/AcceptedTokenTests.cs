using TeamsCrm.TestSupport;

namespace TeamsCrm.BotFramework.Tests.Auth;

public class AcceptedTokenTests
{
    [Fact]
    public async Task A_valid_connector_token_gets_the_help_card_sent_with_the_bots_own_token()
    {
        await using var bot = await TestBot.StartAsync(authenticated: true);
        var message = Activities.Message(bot.ServiceUrl, Demo.LiNa, "help");

        var result = await bot.PostAsync(message, bot.TokenFor(bot.ServiceUrl));

        Assert.Equal(200, result.Status);
        var call = Assert.Single(result.Calls);
        Assert.Equal("POST", call.Method);
        Assert.Equal($"/v3/conversations/{Demo.PersonalChat(Demo.LiNa)}/activities/{(string)message["id"]!}", call.Path);
        Assert.Equal("Bearer test-connector-token", call.Authorization);
        Assert.Equal("TeamsCrm help", (string?)call.Card!["body"]![0]!["text"]);
        Assert.NotNull(await bot.Archive.Conversations.FindUserAsync(Demo.LiNa.AadObjectId));
    }

    /// <summary>The protocol allows 5 minutes of clock skew either way.</summary>
    [Theory]
    [InlineData(-64, "expired 4 minutes ago")]
    [InlineData(+4, "valid from 4 minutes from now")]
    public async Task A_token_within_the_clock_skew_is_accepted(int issuedMinutesFromNow, string because)
    {
        await using var bot = await TestBot.StartAsync(authenticated: true);
        var token = bot.Issuer!.Token(TestBot.AppId, bot.ServiceUrl.ToString(),
            now: bot.Clock.GetUtcNow().AddMinutes(issuedMinutesFromNow), lifetime: TimeSpan.FromHours(1));

        var result = await bot.PostAsync(Activities.Message(bot.ServiceUrl, Demo.LiNa, "help"), token);

        Assert.True(result.Status == 200, $"A token {because} was answered {result.Status}.");
        Assert.Single(result.Calls);
    }
}
