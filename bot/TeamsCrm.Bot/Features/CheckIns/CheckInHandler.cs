using Microsoft.Extensions.Options;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Customers;
using TeamsCrm.Bot.Turns;
using TeamsCrm.Bot.Web;

namespace TeamsCrm.Bot.Features.CheckIns;

/// <summary>
/// Check in (a dialog button on the brief's visits and the visit card): the check-in page in a Teams dialog, at a signed link
/// made now for the person who pressed and the customer; when the page has checked in or out it closes the dialog
/// (task/submit) and the person reads what was stored.
/// </summary>
public static class CheckInHandler
{
    public const string OpenVerb = "checkin.open", DoneVerb = "checkin.done";

    public static JsonObject OpenData(string customerNumber) => new() { ["number"] = customerNumber };

    public static async Task<Reply> Open(Turn turn, CheckInDesk desk, DownloadLinks links, IOptions<CheckInOptions> options, CancellationToken ct)
    {
        var c = turn.Culture;
        if (CustomerNumbers.Parse(turn.DataString("number")) is not { } number
            || await desk.MayCheckInAsync(turn.User.AadObjectId, number, ct) is not var (me, customer))
            return Reply.Text(T.Get(c, "visits.mayNotLog"));
        return Reply.OpenDialog(new DialogPage(T.Get(c, "checkIn.title", customer.Name),
            links.For(me.AadObjectId, DownloadKind.CheckIn, customer.Number, c, lifetime: options.Value.LinkLifetime)));
    }

    /// <summary>What the page stored, read back from the archive (never from what it submitted), for the person who pressed.</summary>
    public static async Task<Reply> Done(Turn turn, ICrmArchive archive, CancellationToken ct)
    {
        if (turn.DataString("checkIn") is not { Length: > 0 and <= 64 } id || await archive.CheckIns.GetAsync(id, ct) is not { } stored
            || !string.Equals(stored.RepAadObjectId, turn.User.AadObjectId, StringComparison.OrdinalIgnoreCase))
            return Reply.None;   // nothing to say: the dialog closes
        return Reply.Text(CheckInText.Said(turn.Culture, stored, LocalCalendar.FindZone(stored.TimeZoneId) ?? TimeZoneInfo.Utc));
    }
}
