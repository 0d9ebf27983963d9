using System.Text;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Features.CheckIns;
using TeamsCrm.Bot.Tests.Briefs;
using TeamsCrm.TestSupport;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.CheckIns;

/// <summary>
/// Check in from the brief, as Teams sends it (the Agents Playground flags task/fetch buttons unsupported, so the activities
/// are shaped as the Teams docs show): the button's task/fetch opens the check-in page at a signed link made for the presser;
/// the page's task/submit gets back what was stored. Someone who may not log visits on the customer gets no page.
/// </summary>
public sealed class CheckInDialogTests
{
    [Fact]
    public async Task Check_in_from_the_brief_opens_the_page_for_the_presser_and_the_submit_says_what_was_stored()
    {
        await using var bot = await TestBot.StartAsync(now: BriefDay.MondaySeven);
        var seeded = await BriefDay.SeedAsync(bot.Archive, bot.Clock.GetUtcNow());
        var brief = (await bot.Say(Demo.LiNa, "brief")).Calls.Single().Card!;
        var button = brief.ToJsonString().Contains("\"task/fetch\"", StringComparison.Ordinal)
            ? FindSubmit(brief, seeded.Huadong.Number) : throw new Xunit.Sdk.XunitException("No Check in button on the brief.");

        var fetched = await bot.PostAsync(Dialog(bot.ServiceUrl, Demo.LiNa, "task/fetch", (JsonObject)button["data"]!.DeepClone()));

        var task = fetched.Body!["task"]!;
        Assert.Equal("continue", (string?)task["type"]);
        Assert.Equal("Check in at 苏州华东精密机械有限公司", (string?)task["value"]!["title"]);
        var url = new Uri(bot.BaseUrl, new Uri((string)task["value"]!["url"]!).PathAndQuery);
        Assert.Contains(Uri.EscapeDataString(Demo.LiNa.AadObjectId), url.Query, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(200, (int)(await bot.Http.GetAsync(url)).StatusCode);

        // The page checks in (as the browser test does it), then submits to close the dialog.
        var id = Guid.NewGuid().ToString();
        var posted = await bot.Http.PostAsync(url, new StringContent(
            $$"""{"action":"in","id":"{{id}}","latitude":31.2989,"longitude":120.5853,"accuracy":9}""", Encoding.UTF8, "application/json"));
        Assert.Equal(200, (int)posted.StatusCode);
        var submitted = await bot.PostAsync(Dialog(bot.ServiceUrl, Demo.LiNa, "task/submit", new JsonObject { ["verb"] = CheckInHandler.DoneVerb, ["checkIn"] = id }));
        Assert.Equal(("message", "Checked in at 07:00, the customer's first location."),
            ((string?)submitted.Body!["task"]!["type"], (string?)submitted.Body["task"]!["value"]));

        // Tom pressing the same button (a forwarded card) gets no page; his submit of her check-in says nothing.
        var toms = await bot.PostAsync(Dialog(bot.ServiceUrl, Demo.TomBecker, "task/fetch", (JsonObject)button["data"]!.DeepClone()));
        Assert.Equal("message", (string?)toms.Body!["task"]!["type"]);
        Assert.Null((await bot.PostAsync(Dialog(bot.ServiceUrl, Demo.TomBecker, "task/submit",
            new JsonObject { ["verb"] = CheckInHandler.DoneVerb, ["checkIn"] = id }))).Body);
    }

    [Fact]
    public async Task Her_submitted_plan_offers_check_in_on_todays_visits_still_to_come()
    {
        await using var bot = await TestBot.StartAsync(now: BriefDay.MondaySeven);
        var seeded = await BriefDay.SeedAsync(bot.Archive, bot.Clock.GetUtcNow());

        var view = (await bot.Say(Demo.LiNa, "plan")).Calls.Single().Card!;

        var checkIns = Documents.DocumentMessages.Actions(view).Where(a => (string?)a["data"]?["verb"] == CheckInHandler.OpenVerb)
            .Select(a => (string?)a["data"]!["number"]).ToList();
        Assert.Equal([seeded.Nanjing.Number, seeded.Huadong.Number, seeded.Toms.Number], checkIns);   // today's, in time order (not Tuesday's)
    }

    static JsonObject FindSubmit(JsonNode node, string number) => node switch
    {
        JsonObject o when (string?)o["type"] == "Action.Submit" && (string?)o["data"]?["verb"] == CheckInHandler.OpenVerb
            && (string?)o["data"]?["number"] == number => o,
        JsonObject o => o.Select(p => p.Value is null ? null : TryFind(p.Value, number)).FirstOrDefault(x => x is not null) ?? throw new InvalidOperationException(),
        _ => throw new InvalidOperationException(),
    };

    static JsonObject? TryFind(JsonNode node, string number)
    {
        try
        {
            return node switch
            {
                JsonArray a => a.Select(n => n is null ? null : TryFind(n, number)).FirstOrDefault(x => x is not null),
                _ => FindSubmit(node, number),
            };
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
