using System.Text.Json.Nodes;
using TeamsCrm.Bot.Tests.Customers;
using TeamsCrm.Bot.Tests.Documents;
using TeamsCrm.TestSupport;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.Visits;

/// <summary>
/// "Log as visit" / "记为拜访" on a message's More actions (a message action), with invokes shaped as the Teams docs show them:
/// fetchTask brings the message's text as a visit note into the visit report, prefilled, in a dialog (its buttons
/// Action.Submit, which is what a dialog's card sends back); submitAction saves it — once, with the rights of the person
/// who chose the action, and only in the dialog they alone see. The Agents Playground (0.2.28) forwards both invokes
/// through its API but has no message menu to click.
/// </summary>
public class MessageActionTests
{
    const string Note = "<p>Visited Huadong Precision today, met Wang Lei about the second CNC line.<br>Next: send the quote Friday&nbsp;</p>";

    static JsonObject Dialog(TurnResult turn)
    {
        var task = (JsonObject)turn.Body!["task"]!;
        Assert.Equal("continue", (string?)task["type"]);
        return (JsonObject)task["value"]!["card"]!["content"]!;
    }

    /// <summary>What pressing the button titled <paramref name="title"/> sends: its data with every input's value, as a client does.</summary>
    static JsonObject Press(JsonObject card, string title, params (string Id, string Value)[] typed)
    {
        var button = DocumentMessages.Actions(card).First(o => (string?)o["title"] == title);
        Assert.Equal("Action.Submit", (string?)button["type"]);   // in a dialog every button submits
        var data = (JsonObject)button["data"]!.DeepClone();
        foreach (var input in DocumentMessages.Inputs(card))
            if (input["value"] is JsonValue v) data[(string)input["id"]!] = v.ToString();
        foreach (var (id, value) in typed) data[id] = value;
        return data;
    }

    [Fact]
    public async Task Log_as_visit_on_a_group_chat_message_opens_the_prefilled_report_and_saves_it_once_privately()
    {
        await using var bot = await CustomerSeeds.StartBotAsync();
        var huadong = await CustomerSeeds.HuadongAsync(bot.Archive.Customers);

        var opened = await bot.PostAsync(ComposeFetchTask(bot.ServiceUrl, Demo.LiNa, "logAsVisit", Note, Demo.GroupChat, "groupChat"));
        var form = Dialog(opened);
        var shown = Approvals.NewFileApproval.Shown(form);
        Assert.Contains("second CNC line", shown, StringComparison.Ordinal);
        Assert.Contains(huadong.Number, shown, StringComparison.Ordinal);   // the customer the note names, picked
        Assert.DoesNotContain(DocumentMessages.Actions(form), o => (string?)o["type"] == "Action.Execute");
        Assert.Empty((await OfficialCardRenderer.ValidateAsync([("dialog", form)]))["dialog"]);   // as a dialog shows it, still a valid card
        Assert.DoesNotContain(opened.Calls, c => c.Method == "POST");   // the dialog is hers alone: nothing in the group chat

        var save = Press(form, "Save the report", ("purpose", "Negotiation"), ("result", "Successful"));
        var saved = await bot.PostAsync(ComposeSubmitAction(bot.ServiceUrl, Demo.LiNa, "logAsVisit", save, Demo.GroupChat, "groupChat"));
        var again = await bot.PostAsync(ComposeSubmitAction(bot.ServiceUrl, Demo.LiNa, "logAsVisit", save, Demo.GroupChat, "groupChat"));

        var visit = Assert.Single(await bot.Archive.Visits.ForCustomerAsync(huadong.Number, 10));
        Assert.Equal(Demo.LiNa.AadObjectId, visit.RepAadObjectId);
        Assert.Contains("second CNC line", visit.Notes, StringComparison.Ordinal);
        Assert.Contains("Huadong Precision", Approvals.NewFileApproval.Shown(Dialog(saved)), StringComparison.Ordinal);
        Assert.Equal(200, again.Status);   // pressed twice: the same report, not a second one
        Assert.DoesNotContain(saved.Calls.Concat(again.Calls), c => c.Method == "POST" && c.Path.Contains(Demo.GroupChat, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_report_refused_comes_back_in_the_dialog_with_what_was_typed()
    {
        await using var bot = await CustomerSeeds.StartBotAsync();
        await CustomerSeeds.HuadongAsync(bot.Archive.Customers);
        var form = Dialog(await bot.PostAsync(ComposeFetchTask(bot.ServiceUrl, Demo.LiNa, "logAsVisit", Note)));

        var save = Press(form, "Save the report", ("purpose", "Negotiation"), ("result", "NotYet"), ("reason", ""));
        var refused = await bot.PostAsync(ComposeSubmitAction(bot.ServiceUrl, Demo.LiNa, "logAsVisit", save));

        var again = Approvals.NewFileApproval.Shown(Dialog(refused));
        Assert.Contains("second CNC line", again, StringComparison.Ordinal);   // kept
        Assert.Empty(await bot.Archive.Visits.ForRepAsync(Demo.LiNa.AadObjectId, new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 31)));
    }

    [Theory]
    [InlineData("<p><img src=\"https://example/photo.png\"></p>", "has no text to log")]
    [InlineData(Note, "open to sales staff")]
    public async Task A_message_without_text_or_someone_outside_the_directory_gets_a_message_in_the_dialog(string body, string expected)
    {
        await using var bot = await CustomerSeeds.StartBotAsync();
        var who = body == Note ? Demo.Stranger : Demo.LiNa;

        var answer = await bot.PostAsync(ComposeFetchTask(bot.ServiceUrl, who, "logAsVisit", body));

        Assert.Equal("message", (string?)answer.Body!["task"]!["type"]);
        Assert.Contains(expected, (string)answer.Body!["task"]!["value"]!, StringComparison.Ordinal);
    }
}
