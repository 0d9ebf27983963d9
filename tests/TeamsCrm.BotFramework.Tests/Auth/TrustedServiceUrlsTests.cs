using Microsoft.Extensions.Time.Testing;
using TeamsCrm.BotFramework.Auth;

namespace TeamsCrm.BotFramework.Tests.Auth;

/// <summary>The hosts the bot's token may go to are remembered within bounds; Teams' global host is always trusted.</summary>
public class TrustedServiceUrlsTests
{
    readonly FakeTimeProvider _clock = new();

    [Fact]
    public void A_host_is_forgotten_a_month_after_its_last_authenticated_activity()
    {
        var trusted = new TrustedServiceUrls(_clock);
        trusted.Trust("https://smba.example.test/emea/");
        _clock.Advance(TrustedServiceUrls.MaxAge - TimeSpan.FromDays(1));
        trusted.Trust("https://smba.example.test/emea/");   // another activity from there renews it
        _clock.Advance(TimeSpan.FromDays(2));
        Assert.True(trusted.IsTrusted(new Uri("https://smba.example.test/emea/v3/conversations")));

        _clock.Advance(TrustedServiceUrls.MaxAge);

        Assert.False(trusted.IsTrusted(new Uri("https://smba.example.test/emea/v3/conversations")));
        Assert.True(trusted.IsTrusted(new Uri(TrustedServiceUrls.TeamsGlobal)));
    }

    [Fact]
    public void Past_the_capacity_the_host_seen_longest_ago_goes_and_Teams_global_host_stays()
    {
        var trusted = new TrustedServiceUrls(_clock);
        for (var i = 0; i <= TrustedServiceUrls.MaxHosts; i++) trusted.Trust($"https://host-{i}.example.test/");

        Assert.False(trusted.IsTrusted(new Uri("https://host-0.example.test/v3/conversations")));
        Assert.True(trusted.IsTrusted(new Uri("https://host-1.example.test/v3/conversations")));
        Assert.True(trusted.IsTrusted(new Uri($"https://host-{TrustedServiceUrls.MaxHosts}.example.test/v3/conversations")));
        Assert.True(trusted.IsTrusted(new Uri("https://smba.trafficmanager.net/teams/v3/conversations")));
    }
}
