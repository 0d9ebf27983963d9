using TeamsCrm.BotFramework.Auth;
using TeamsCrm.TestSupport;
using static TeamsCrm.TestSupport.TestIssuer;

namespace TeamsCrm.BotFramework.Tests.Auth;

/// <summary>
/// The OpenID metadata failing or hanging: the last good keys keep serving, a fetch gives up after its timeout, and
/// fetches back off (10 s, doubling, at most 5 minutes) instead of following every request. All on the fake clock.
/// </summary>
public class SigningKeyOutageTests
{
    static async Task<int> HelpAsync(TestBot bot, DemoPerson? who = null) =>
        (await bot.PostAsync(Activities.Message(bot.ServiceUrl, who ?? Demo.LiNa, "help"), bot.TokenFor(bot.ServiceUrl))).Status;

    static int Fetches(TestBot bot) => Volatile.Read(ref bot.Issuer!.MetadataRequests);

    [Fact]
    public async Task A_failing_metadata_endpoint_is_asked_again_after_10_s_then_doubling_to_5_minutes_and_the_last_keys_serve_meanwhile()
    {
        await using var bot = await TestBot.StartAsync(authenticated: true);
        Assert.Equal(200, await HelpAsync(bot));
        bot.Issuer!.Metadata = MetadataAnswer.Fail;
        bot.Clock.Advance(TimeSpan.FromDays(1));   // the keys are due for their daily refresh

        Assert.Equal(200, await HelpAsync(bot));
        Assert.Equal(2, Fetches(bot));
        for (var i = 0; i < 5; i++) Assert.Equal(200, await HelpAsync(bot, Demo.TomBecker));
        Assert.Equal(2, Fetches(bot));            // not one fetch per request

        var fetches = 2;
        foreach (var seconds in new[] { 10, 20, 40, 80, 160, 300, 300 })
        {
            bot.Clock.Advance(TimeSpan.FromSeconds(seconds - 1));
            Assert.Equal(200, await HelpAsync(bot));
            Assert.Equal(fetches, Fetches(bot));
            bot.Clock.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal(200, await HelpAsync(bot));
            Assert.Equal(++fetches, Fetches(bot));
        }

        bot.Issuer.Metadata = MetadataAnswer.Serve;
        bot.Clock.Advance(OpenIdKeyProvider.MaxRetryAfter);
        Assert.Equal(200, await HelpAsync(bot));
        Assert.Equal(++fetches, Fetches(bot));
        bot.Clock.Advance(TimeSpan.FromHours(23));
        Assert.Equal(200, await HelpAsync(bot));
        Assert.Equal(fetches, Fetches(bot));      // fetched fine: the next is a day later again
    }

    [Fact]
    public async Task A_hanging_metadata_endpoint_is_given_up_on_after_the_fetch_timeout_and_not_asked_again_at_once()
    {
        await using var bot = await TestBot.StartAsync(authenticated: true);
        bot.Issuer!.Metadata = MetadataAnswer.Hang;
        var asked = bot.Issuer.NextMetadataRequest;

        var first = HelpAsync(bot);
        await asked;
        bot.Clock.Advance(TimeSpan.FromSeconds(5));   // Bot:KeyFetchTimeout

        Assert.Equal(403, await first);               // no keys were ever fetched: the token cannot be checked
        Assert.Equal(403, await HelpAsync(bot));
        Assert.Equal(1, Fetches(bot));
        Assert.Empty(bot.Connector.Calls);
    }

    [Fact]
    public async Task While_a_refresh_hangs_tokens_signed_by_a_known_key_are_checked_with_the_last_keys_without_waiting()
    {
        await using var bot = await TestBot.StartAsync(authenticated: true);
        Assert.Equal(200, await HelpAsync(bot));
        bot.Issuer!.Metadata = MetadataAnswer.Hang;
        bot.Clock.Advance(TimeSpan.FromDays(1));
        var asked = bot.Issuer.NextMetadataRequest;

        var refreshing = HelpAsync(bot);              // this one fetches, and waits for the fetch
        await asked;
        Assert.Equal(200, await HelpAsync(bot, Demo.TomBecker));   // answered while the fetch still hangs

        bot.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(200, await refreshing);
        Assert.Equal(2, Fetches(bot));
    }
}
