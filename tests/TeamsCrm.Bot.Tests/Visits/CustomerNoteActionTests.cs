using System.Text.Json.Nodes;
using TeamsCrm.Bot.Features.MessageActions;
using TeamsCrm.Bot.Tests.Customers;
using TeamsCrm.TestSupport;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.Visits;

/// <summary>
/// "Add to customer notes" on a message's More actions: the dialog asks which customer and shows the message as the note;
/// saving files it once in the history of a file the person may read in full — never on another rep's file, whatever the
/// dialog's data says — and the customer card shows it.
/// </summary>
public class CustomerNoteActionTests
{
    const string Message = "<p>Wang Lei says the budget for the second line is approved in January.</p>";

    static JsonObject Dialog(TurnResult turn) => (JsonObject)turn.Body!["task"]!["value"]!["card"]!["content"]!;

    static JsonObject SaveData(JsonObject card, string customer)
    {
        var save = card["actions"]!.AsArray().Select(a => a!.AsObject()).Single(a => (string?)a["title"] == "Add the note");
        Assert.Equal("Action.Submit", (string?)save["type"]);
        var data = (JsonObject)save["data"]!.DeepClone();
        data[CustomerNoteCards.Customer] = customer;
        data[CustomerNoteCards.Text] = (string?)card["body"]!.AsArray().Single(e => (string?)e?["id"] == CustomerNoteCards.Text)!["value"];
        return data;
    }

    [Fact]
    public async Task The_message_becomes_a_note_in_her_files_history_once()
    {
        await using var bot = await CustomerSeeds.StartBotAsync();
        var huadong = await CustomerSeeds.HuadongAsync(bot.Archive.Customers);

        var form = Dialog(await bot.PostAsync(ComposeFetchTask(bot.ServiceUrl, Demo.LiNa, CustomerNoteAction.CommandId, Message, Demo.GroupChat, "groupChat")));
        var data = SaveData(form, huadong.Number);
        var saved = await bot.PostAsync(ComposeSubmitAction(bot.ServiceUrl, Demo.LiNa, CustomerNoteAction.CommandId, data, Demo.GroupChat, "groupChat"));
        await bot.PostAsync(ComposeSubmitAction(bot.ServiceUrl, Demo.LiNa, CustomerNoteAction.CommandId, data, Demo.GroupChat, "groupChat"));   // again

        Assert.Equal("Note added: Huadong Precision", (string?)Dialog(saved)["body"]![0]!["text"]);
        var notes = (await bot.Archive.Customers.GetFileAsync(huadong.Number))!.History.Where(h => h.Field == "note").ToList();
        var note = Assert.Single(notes);
        Assert.Equal(("Wang Lei says the budget for the second line is approved in January.", Demo.LiNa.AadObjectId), (note.NewValue, note.ByAadObjectId));
        var card = await bot.Say(Demo.LiNa, $"find {huadong.Number}");
        Assert.Contains("Note: Wang Lei says the budget", Approvals.NewFileApproval.Shown(card.Calls.Single().Card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_reps_file_is_refused_in_the_dialog_with_the_note_kept()
    {
        await using var bot = await CustomerSeeds.StartBotAsync();
        var toms = await CustomerSeeds.HuadongAsync(bot.Archive.Customers, Demo.TomBecker);
        var form = Dialog(await bot.PostAsync(ComposeFetchTask(bot.ServiceUrl, Demo.LiNa, CustomerNoteAction.CommandId, Message)));

        var refused = await bot.PostAsync(ComposeSubmitAction(bot.ServiceUrl, Demo.LiNa, CustomerNoteAction.CommandId, SaveData(form, toms.Number)));

        var again = Approvals.NewFileApproval.Shown(Dialog(refused));
        Assert.Contains("You may add notes only to files you may read in full", again, StringComparison.Ordinal);
        Assert.Contains("approved in January", again, StringComparison.Ordinal);
        Assert.DoesNotContain((await bot.Archive.Customers.GetFileAsync(toms.Number))!.History, h => h.Field == "note");
    }
}
