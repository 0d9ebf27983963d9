using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.Bot.Domain.Targets;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Approvals;
using TeamsCrm.Bot.Features.Customers;
using TeamsCrm.Bot.Forms;

namespace TeamsCrm.Bot.Features.Targets;

public static class TargetCards
{
    /// <summary>One amount input per rep, its id made from the rep's id (the server reads only the reps it knows).</summary>
    public static string InputOf(string repAadObjectId) => "t_" + repAadObjectId;

    /// <param name="started">The month has begun: saving files a change request with a reason instead of saving.</param>
    /// <param name="other">The month the second button opens (this month ↔ next month).</param>
    public static JsonObject Form(CultureInfo c, YearMonth month, YearMonth other, IReadOnlyList<Person> reps, TargetSheet sheet, bool started,
        string submissionId, FormState state, string? notice = null)
    {
        var card = Card.Create().Title(T.Get(c, "targets.title", month));
        card.Text(T.Get(c, started ? "targets.startedHint" : "targets.openHint"), subtle: true);
        var fields = new FormFields(card, c, state).Banner(notice);
        if (reps.Count == 0) card.Text(T.Get(c, "targets.noReps"));
        foreach (var rep in reps)
            fields.Amount(InputOf(rep.AadObjectId), T.Get(c, "targets.amountOf", rep.Name));
        if (started) fields.MultiLine("reason", T.Get(c, "targets.reason"), required: true, maxLength: Limits.Reason);
        card.Text(T.Get(c, "targets.emptyMeansNone"), subtle: true);
        var data = new JsonObject { ["month"] = month.ToString(), ["submissionId"] = submissionId, ["version"] = sheet.Version };
        return card
            .Execute(T.Get(c, started ? "targets.request" : "targets.save"), "targets.save", data, style: "positive")
            .Execute(T.Get(c, "targets.monthButton", other), "targets.open", new JsonObject { ["month"] = other.ToString() }, withInputs: false)
            .Build();
    }

    /// <summary>The month as saved: each rep's target.</summary>
    public static JsonObject Saved(CultureInfo c, YearMonth month, IReadOnlyList<Person> reps, TargetSheet sheet, TimeZoneInfo zone)
    {
        var card = Card.Create().Title(T.Get(c, "targets.savedTitle", month))
            .Facts(reps.Select(r => (r.Name, sheet.TargetOf(r.AadObjectId) is { } a ? CustomerText.Money(c, a) : "—")));
        if (sheet.SetAt != default) card.Text(T.Get(c, "targets.savedAt", CustomerText.Time(sheet.SetAt, zone)), subtle: true);
        return card.Execute(T.Get(c, "targets.edit"), "targets.open", new JsonObject { ["month"] = month.ToString() }, withInputs: false).Build();
    }

    /// <summary>A started month: the change went to the approver; the targets stay until it is approved.</summary>
    public static JsonObject Requested(CultureInfo c, YearMonth month, ApprovalPayload payload, ApprovalView view) => Card.Create()
        .Title(T.Get(c, "targets.requestedTitle", month))
        .Facts((payload.Changes ?? []).Select(ch => (CustomerText.Field(c, ch.Field),
            $"{CustomerText.FieldValue(c, ch.Field, ch.Old)} → {CustomerText.FieldValue(c, ch.Field, ch.New)}")))
        .Facts([(T.Get(c, "approvals.reason"), payload.Reason ?? "—")])
        .Text(T.Get(c, "approvals.waitingFor", string.Join(", ", view.ApproverNames)), subtle: true)
        .Build();

    public static JsonObject NotAllowed(CultureInfo c) => CustomerCards.NotAllowed(c, "targets.notAllowed");

    /// <summary>A month before this one (a card kept too long) or too far ahead.</summary>
    public static JsonObject Closed(CultureInfo c) => Card.Create().Warning(T.Get(c, "targets.closed")).Build();
}
