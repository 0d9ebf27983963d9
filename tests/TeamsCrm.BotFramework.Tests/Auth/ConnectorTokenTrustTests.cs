using Microsoft.Extensions.DependencyInjection;
using TeamsCrm.BotFramework.Auth;
using TeamsCrm.BotFramework.Connector;
using TeamsCrm.BotFramework.Schema;
using TeamsCrm.BotFramework.Tests.Connector;
using TeamsCrm.TestSupport;

namespace TeamsCrm.BotFramework.Tests.Auth;

/// <summary>The bot's connector token goes only to serviceUrls that authenticated activities came from.</summary>
public class ConnectorTokenTrustTests
{
    static Activity Hello() => new() { Type = ActivityTypes.Message, Text = "hello" };

    [Fact]
    public async Task With_a_credential_an_unknown_serviceUrl_gets_no_request_at_all()
    {
        await using var c = await ConnectorHarness.StartAsync(withCredential: true);

        await Assert.ThrowsAsync<UntrustedServiceUrlException>(() => c.Client.SendAsync(c.Url, "a:1", Hello()));
        Assert.Empty(c.Fake.Calls);

        c.Trusted.Trust(c.Url);
        await c.Client.SendAsync(c.Url, "a:1", Hello());
        Assert.Equal("Bearer " + ConnectorHarness.Token, Assert.Single(c.Fake.Calls).Authorization);
    }

    [Fact]
    public async Task Without_a_credential_no_token_is_sent()
    {
        await using var c = await ConnectorHarness.StartAsync(withCredential: false);

        await c.Client.SendAsync(c.Url, "a:1", Hello());

        Assert.Equal("", Assert.Single(c.Fake.Calls).Authorization);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/v3/conversations", true)]
    [InlineData("https://SMBA.trafficmanager.net/teams/v3/conversations", true)]
    [InlineData("http://smba.trafficmanager.net/teams/v3/conversations", false)]
    [InlineData("https://smba.trafficmanager.net.evil.example/teams/", false)]
    [InlineData("https://smba.trafficmanager.net:8443/teams/", false)]
    public void Teams_global_host_is_trusted_from_the_start_and_nothing_resembling_it(string url, bool trusted) =>
        Assert.Equal(trusted, new TrustedServiceUrls(TimeProvider.System).IsTrusted(new Uri(url)));

    [Fact]
    public async Task The_bots_serviceUrl_becomes_trusted_by_an_authenticated_activity_not_a_rejected_one()
    {
        await using var bot = await TestBot.StartAsync(authenticated: true);
        var client = bot.Services.GetRequiredService<ConnectorClient>();
        var url = bot.ServiceUrl.ToString();

        await Assert.ThrowsAsync<UntrustedServiceUrlException>(() => client.SendAsync(url, "a:1", Hello()));

        var rejected = await bot.PostAsync(Activities.Message(bot.ServiceUrl, Demo.LiNa, "help"),
            bot.Issuer!.Token("another-bots-app-id", url, now: bot.Clock.GetUtcNow()));
        Assert.Equal(403, rejected.Status);
        await Assert.ThrowsAsync<UntrustedServiceUrlException>(() => client.SendAsync(url, "a:1", Hello()));
        Assert.Empty(bot.Connector.Calls);

        Assert.Equal(200, (await bot.PostAsync(Activities.Message(bot.ServiceUrl, Demo.LiNa, "help"), bot.TokenFor(bot.ServiceUrl))).Status);
        bot.Connector.Clear();
        await client.SendAsync(url, "a:1", Hello());

        var call = Assert.Single(bot.Connector.Calls);
        Assert.Equal(("/v3/conversations/a:1/activities", "Bearer test-connector-token"), (call.Path, call.Authorization));
    }
}
