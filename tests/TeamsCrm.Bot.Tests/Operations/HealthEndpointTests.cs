using System.Net;
using TeamsCrm.Bot.Tests.Archive.SharePoint;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Bot.Tests.Operations;

/// <summary>/health says the process answers; /health/ready says the archive answers too.</summary>
public class HealthEndpointTests
{
    [Fact]
    public async Task Alive_and_ready_on_a_reachable_archive()
    {
        await using var bot = await TestBot.StartAsync();

        Assert.Equal("ok", await bot.Http.GetStringAsync("health"));
        using var ready = await bot.Http.GetAsync("health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("ready", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Not_ready_when_the_SharePoint_archive_cannot_be_reached_but_still_alive()
    {
        // Nothing listens on port 1: Graph cannot be reached (a real outage, or a token Graph refuses, looks the same).
        await using var bot = await TestBot.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Archive:Provider"] = "SharePoint",
            ["Archive:SharePoint:SiteId"] = "contoso.sharepoint.com:/sites/crm:",
            ["Archive:SharePoint:GraphBaseUrl"] = "http://127.0.0.1:1/v1.0",
        });

        using var ready = await bot.Http.GetAsync("health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("not ready: the archive is not reachable", await ready.Content.ReadAsStringAsync());
        Assert.Equal("ok", await bot.Http.GetStringAsync("health"));
    }

    [Fact]
    public async Task Ready_on_SharePoint_when_Graph_answers()
    {
        await using var sharePoint = await FakeSharePoint.StartAsync();
        await using var bot = await TestBot.StartAsync(settings: sharePoint.BotSettings());

        Assert.Equal("ready", await bot.Http.GetStringAsync("health/ready"));
    }
}
