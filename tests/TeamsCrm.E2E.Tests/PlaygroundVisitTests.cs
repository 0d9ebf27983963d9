using System.Text.Json.Nodes;
using TeamsCrm.Bot.Domain;
using TeamsCrm.TestSupport;

namespace TeamsCrm.E2E.Tests;

/// <summary>
/// The visit report in the Agents Playground, which has no dynamic typeahead (Data.Query): the customer is
/// picked from the card's static choices (one's own customers), and the report saves and turns read-only.
/// </summary>
public sealed class PlaygroundVisitTests
{
    const string LiNaChat = "a:demo-personal-li-na";
    static readonly string LiNa = Demo.LiNa.TeamsId;

    [Fact]
    public async Task Li_Na_logs_a_visit_picking_her_customer_from_the_static_choices()
    {
        await using var bot = await TestBot.StartAsync(now: new DateTimeOffset(2026, 11, 18, 8, 0, 0, TimeSpan.Zero));
        var huadong = await bot.Archive.Customers.CreateAsync(
            new NewCustomer(CustomerKind.Enterprise, "Huadong Precision", Demo.LiNa.AadObjectId), Guid.NewGuid().ToString("D"));
        await using var playground = await PlaygroundProcess.StartAsync(bot.BaseUrl);
        await using var chat = await playground.ConnectAsync();

        await chat.SayAsync(LiNaChat, LiNa, "log visit");
        var form = await chat.WaitForAsync("visit form", m => m.Action == PlaygroundMessage.Created && m.CardTitle == "Visit report");
        var customer = Input(form.Card!, "customerNumber");
        var offered = customer["choices"]!.AsArray().Select(ch => (string?)ch!["value"]).ToList();
        Assert.Equal([huadong.Number], offered);

        // What the playground sends for Save: the button's data with every input's value, as a person filled them in.
        // The day before the fake clock's: the visit is in the past in whatever zone the playground reports.
        var save = AdaptiveCardJson.Button(form.Card!, "Save the report");
        var filled = save with { Data = Fill(save.Data, ("customerNumber", offered[0]!), ("customerType", "Regular"), ("purpose", "Demo"),
            ("method", "OnSite"), ("date", "2026-11-17"), ("time", "10:00"), ("contactName", "Wang Lei"), ("notes", "Showed the spindle"),
            ("result", "Successful")) };
        var answer = await chat.ExecuteAsync(LiNaChat, LiNa, form.MessageId, filled);

        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)answer["type"]);
        Assert.True("Visit saved: Huadong Precision" == AdaptiveCardJson.Title(answer["value"]!), answer.ToJsonString());
        Assert.Single(await bot.Archive.Visits.ForCustomerAsync(huadong.Number, 5));
    }

    static JsonObject Input(JsonNode card, string id) =>
        card["body"]!.AsArray().OfType<JsonObject>().Single(e => (string?)e["id"] == id);

    static JsonObject Fill(JsonObject data, params (string Id, string Value)[] inputs)
    {
        var filled = (JsonObject)data.DeepClone();
        foreach (var (id, value) in inputs) filled[id] = value;
        return filled;
    }

    /// <summary>
    /// "Log as visit" on a message, through the playground's invoke API: the visit report comes back prefilled for a dialog
    /// (every button an Action.Submit), and what the dialog submits saves the visit.
    /// </summary>
    [Fact]
    public async Task Log_as_visit_on_a_message_opens_the_prefilled_report_and_saves_it()
    {
        await using var bot = await TestBot.StartAsync(now: new DateTimeOffset(2026, 11, 18, 8, 0, 0, TimeSpan.Zero));
        var created = await bot.Archive.Customers.CreateAsync(
            new NewCustomer(CustomerKind.Enterprise, "Huadong Precision", Demo.LiNa.AadObjectId), Guid.NewGuid().ToString("D"));
        await bot.Archive.Customers.UpdateAsync(created with { Status = CustomerStatus.Active }, []);
        await using var playground = await PlaygroundProcess.StartAsync(bot.BaseUrl);
        await using var chat = await playground.ConnectAsync();

        var fetched = await chat.MessageActionAsync("composeExtension/fetchTask", LiNaChat, LiNa, new JsonObject
        {
            ["commandId"] = "logAsVisit", ["commandContext"] = "message",
            ["messagePayload"] = new JsonObject
            {
                ["body"] = new JsonObject { ["contentType"] = "html", ["content"] = "<p>Visited Huadong Precision, showed the new spindle to Wang Lei</p>" },
            },
        });
        var card = fetched["task"]!["value"]!["card"]!["content"]!;
        Assert.Equal("Visit report", AdaptiveCardJson.Title(card));
        var save = AdaptiveCardJson.Button(card, "Save the report");
        Assert.Equal("Action.Submit", save.Type);
        var data = Fill(save.Data, ("customerNumber", created.Number), ("customerType", "Regular"), ("purpose", "Demo"), ("method", "OnSite"),
            ("date", "2026-11-17"), ("time", "10:00"), ("contactName", "Wang Lei"), ("notes", "Showed the new spindle"), ("result", "Successful"));

        var saved = await chat.MessageActionAsync("composeExtension/submitAction", LiNaChat, LiNa, new JsonObject
        {
            ["commandId"] = "logAsVisit", ["commandContext"] = "message", ["data"] = data,
        });

        Assert.Equal("Visit saved: Huadong Precision", AdaptiveCardJson.Title(saved["task"]!["value"]!["card"]!["content"]!));
        Assert.Single(await bot.Archive.Visits.ForCustomerAsync(created.Number, 5));
    }
}
