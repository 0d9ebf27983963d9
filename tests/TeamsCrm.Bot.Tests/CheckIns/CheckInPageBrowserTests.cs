using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Web;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Bot.Tests.CheckIns;

/// <summary>
/// The check-in page in a real browser (Debian chromium, playwright-core): geolocation granted and placed at the customer's
/// gate, 40 m from it, and 3 km away. The page posts, the bot stores, and says the distance and the flag; the first check-in
/// by the owner gives the customer its location. Screenshots of the page in both languages go to the test output folder.
/// </summary>
public sealed class CheckInPageBrowserTests
{
    static readonly GeoPoint Gate = new(31.298900, 120.585300);
    static readonly DateTimeOffset MondayNine = new(2026, 12, 7, 1, 0, 0, TimeSpan.Zero);

    static async Task<(TestBot Bot, Customer Huadong)> StartAsync()
    {
        var bot = await TestBot.StartAsync(now: MondayNine);
        await bot.Say(Demo.LiNa, "hello");   // her zone (Asia/Shanghai) is known from her client
        var huadong = await bot.Archive.Customers.CreateAsync(new NewCustomer(CustomerKind.Enterprise, "苏州华东精密机械有限公司", Demo.LiNa.AadObjectId), "s1");
        return (bot, huadong);
    }

    static string Link(TestBot bot, DemoPerson who, Customer customer, string locale = "en") =>
        new Uri(bot.BaseUrl, new Uri(bot.Services.GetRequiredService<DownloadLinks>()
            .For(who.AadObjectId, DownloadKind.CheckIn, customer.Number, TeamsCrm.Bot.Cards.T.CultureFor(locale))).PathAndQuery).ToString();

    static async Task<JsonArray> BrowseAsync(string url, GeoPoint at, double accuracy, string[] press, string? screenshot = null, string locale = "en-US")
    {
        var output = await NodeScript.RunAsync(Repo.Path("tests", "e2e", "checkin-browser.js"), [], new JsonObject
        {
            ["url"] = url, ["latitude"] = at.Latitude, ["longitude"] = at.Longitude, ["accuracy"] = accuracy,
            ["press"] = new JsonArray([.. press.Select(p => (JsonNode)JsonValue.Create(p)!)]), ["screenshot"] = screenshot, ["locale"] = locale,
        });
        return JsonNode.Parse(output)!.AsArray();
    }

    static string Shot(string name) => Path.Combine(AppContext.BaseDirectory, "screenshots", name);

    [Fact]
    public async Task The_owner_checks_in_at_the_gate_then_40_m_away_then_3_km_away_and_the_far_one_is_flagged()
    {
        var (bot, huadong) = await StartAsync();
        await using var _ = bot;
        System.IO.Directory.CreateDirectory(Shot(""));

        var first = await BrowseAsync(Link(bot, Demo.LiNa, huadong), Gate, 8, ["in", "out"], Shot("checkin-first.en.png"));
        Assert.Contains("Check in at 苏州华东精密机械有限公司", (string)first[0]!["text"]!, StringComparison.Ordinal);
        Assert.Equal(("Checked in at 09:00, the customer's first location.", "ok"), ((string)first[1]!["text"]!, (string)first[1]!["kind"]!));

        bot.Clock.Advance(TimeSpan.FromMinutes(30));
        var near = await BrowseAsync(Link(bot, Demo.LiNa, huadong, "zh-CN"), new GeoPoint(31.299260, 120.585300), 12, ["in", "out"],
            Shot("checkin-near.zh-CN.png"), "zh-CN");
        Assert.Equal(("已于 09:30 签到，距客户 40 m。", "ok"), ((string)near[1]!["text"]!, (string)near[1]!["kind"]!));
        Assert.StartsWith("已于 09:30 签退", (string)near[2]!["text"]!, StringComparison.Ordinal);

        bot.Clock.Advance(TimeSpan.FromMinutes(30));
        var far = await BrowseAsync(Link(bot, Demo.LiNa, huadong), new GeoPoint(31.298900, 120.616800), 10, ["in"], Shot("checkin-far.en.png"));
        Assert.Equal("flag", (string)far[1]!["kind"]!);
        Assert.Contains("Checked in at 10:00, 3.0 km from the customer: marked for your leader", (string)far[1]!["text"]!, StringComparison.Ordinal);

        var stored = await bot.Archive.CheckIns.ForCustomerAsync(huadong.Number);
        Assert.Null(stored[0].DistanceMeters);
        Assert.InRange(stored[1].DistanceMeters!.Value, 39.5, 40.5);
        Assert.InRange(stored[2].DistanceMeters!.Value, 2_980, 3_010);
        Assert.Equal([false, false, true], stored.Select(c => c.Flagged));
        Assert.Equal([TimeSpan.Zero, TimeSpan.Zero, null], stored.Select(c => c.OnSite));   // the clock stood still while on site
        Assert.All(stored, c => Assert.Equal((Demo.LiNa.AadObjectId, new DateOnly(2026, 12, 7)), (c.RepAadObjectId, c.Day)));
    }

    [Fact]
    public async Task Location_denied_says_so_and_stores_nothing()
    {
        var (bot, huadong) = await StartAsync();
        await using var _ = bot;
        var output = await NodeScript.RunAsync(Repo.Path("tests", "e2e", "checkin-browser.js"), [], new JsonObject
        {
            ["url"] = Link(bot, Demo.LiNa, huadong), ["latitude"] = Gate.Latitude, ["longitude"] = Gate.Longitude, ["accuracy"] = 8,
            ["press"] = new JsonArray("in"), ["denied"] = true,
        });
        var said = JsonNode.Parse(output)!.AsArray();
        Assert.Equal(("Location is not allowed for Teams or this browser. Allow it in the settings, then press Check in again.", "flag"),
            ((string)said[1]!["text"]!, (string)said[1]!["kind"]!));
        Assert.Empty(await bot.Archive.CheckIns.ForCustomerAsync(huadong.Number));
    }
}
