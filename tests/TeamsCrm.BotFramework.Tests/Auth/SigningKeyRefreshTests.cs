using TeamsCrm.TestSupport;

namespace TeamsCrm.BotFramework.Tests.Auth;

public class SigningKeyRefreshTests
{
    [Fact]
    public async Task Keys_are_fetched_once_for_many_requests_and_again_after_a_day()
    {
        await using var bot = await TestBot.StartAsync(authenticated: true);
        var people = new[] { Demo.LiNa, Demo.TomBecker, Demo.ZhangWei, Demo.WangFang, Demo.ChenJie };

        // Concurrent first requests: one fetch, the others wait for it.
        var first = await Task.WhenAll(people.Select(p => bot.PostAsync(Activities.Message(bot.ServiceUrl, p, "help"), bot.TokenFor(bot.ServiceUrl))));
        Assert.All(first, r => Assert.Equal(200, r.Status));
        Assert.Equal(1, Volatile.Read(ref bot.Issuer!.MetadataRequests));

        bot.Clock.Advance(TimeSpan.FromHours(23));
        Assert.Equal(200, (await bot.PostAsync(Activities.Message(bot.ServiceUrl, Demo.LiNa, "help"), bot.TokenFor(bot.ServiceUrl))).Status);
        Assert.Equal(1, Volatile.Read(ref bot.Issuer.MetadataRequests));

        bot.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        Assert.Equal(200, (await bot.PostAsync(Activities.Message(bot.ServiceUrl, Demo.LiNa, "help"), bot.TokenFor(bot.ServiceUrl))).Status);
        Assert.Equal(2, Volatile.Read(ref bot.Issuer.MetadataRequests));

        Assert.Equal(200, (await bot.PostAsync(Activities.Message(bot.ServiceUrl, Demo.TomBecker, "help"), bot.TokenFor(bot.ServiceUrl))).Status);
        Assert.Equal(2, Volatile.Read(ref bot.Issuer.MetadataRequests));
    }
}
