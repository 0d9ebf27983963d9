using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Forms;

namespace TeamsCrm.Bot.Features.Visits;

/// <summary>
/// Correcting a saved visit report: the visit form prefilled with a reason (<see cref="VisitCards.Form"/>), the list of
/// one's recent reports, the result with its before → after, and the note a rep gets when a leader corrected theirs.
/// </summary>
public static class CorrectionCards
{
    public const string OpenVerb = "visit.correct", SaveVerb = "visit.correct.save", WithdrawVerb = "visit.withdraw", CancelVerb = "visit.correct.cancel";
    /// <summary>The reason input: required for a correction and for a withdrawal.</summary>
    public const string Reason = "correctionReason";
    /// <summary>How many of one's reports "correct visit" lists.</summary>
    public const int Listed = 10;

    /// <summary>
    /// Which report: the customer's number (its visits are one indexed query) and the submission that saved it (as unique as
    /// the visit's id, and known to the card that saved it). Never who may.
    /// </summary>
    internal static JsonObject Data(Visit v) => new() { ["number"] = v.CustomerNumber, ["visit"] = v.SubmissionId };

    /// <summary>The correction form's end: why, then save, withdraw (same reason), or keep the report as it is.</summary>
    internal static JsonObject WithReasonAndActions(Card card, FormFields f, CultureInfo c, Visit v, string submissionId)
    {
        card.Heading(T.Get(c, "visits.correctReasonHeading"));
        f.MultiLine(Reason, T.Get(c, "visits.correctReason"), required: true, maxLength: Limits.Reason);
        var data = Data(v);
        data["submissionId"] = submissionId;
        data["revision"] = v.Revision.ToString(CultureInfo.InvariantCulture);
        return card.Execute(T.Get(c, "visits.correctSave"), SaveVerb, data, style: "positive")
            .Execute(T.Get(c, "visits.withdraw"), WithdrawVerb, data.DeepClone().AsObject(), style: "destructive")
            .Execute(T.Get(c, "visits.correctKeep"), CancelVerb, Data(v), withInputs: false)
            .Build();
    }

    /// <summary>"correct visit": one's reports that may still be corrected, newest first, each with Correct.</summary>
    public static JsonObject List(CultureInfo c, IReadOnlyList<Visit> visits, TimeSpan window)
    {
        var card = Card.Create().Title(T.Get(c, "visits.correctListTitle"));
        card.Text(T.Get(c, "visits.correctListIntro", Days(window)), subtle: true);
        foreach (var v in visits)
            card.ListItem($"{VisitText.When(v)} · {v.CustomerName}", string.Join(" · ", VisitText.Of(c, v.Purpose), VisitText.Result(c, v),
                VisitText.Shorten(v.Notes, 60)), T.Get(c, "visits.correct"), OpenVerb, Data(v));
        return card.Build();
    }

    /// <summary>The corrected (or withdrawn) report: what changed, and why.</summary>
    /// <param name="again">A second press or a redelivery: this is the correction made the first time.</param>
    public static JsonObject Done(CultureInfo c, Visit v, VisitCorrection k, bool again)
    {
        var card = Card.Create();
        if (again) card.Text(T.Get(c, "visits.correctedAlready"), subtle: true);
        card.Title(T.Get(c, k.Kind == CorrectionKind.Withdrawn ? "visits.withdrawnTitle" : "visits.correctedTitle", v.CustomerName, VisitText.When(v)));
        Changes(card, c, k);
        if (k.Kind == CorrectionKind.Withdrawn) return card.Build();
        return card.Execute(T.Get(c, "visits.openFile"), "customer.open", new JsonObject { ["number"] = v.CustomerNumber }).Build();
    }

    /// <summary>To the rep, when a leader corrected or withdrew their report.</summary>
    public static JsonObject Told(CultureInfo c, Visit v, VisitCorrection k, string leaderName)
    {
        var card = Card.Create().Title(T.Get(c, k.Kind == CorrectionKind.Withdrawn ? "visits.toldWithdrawn" : "visits.toldCorrected",
            leaderName, v.CustomerName, VisitText.When(v)));
        Changes(card, c, k);
        return card.Build();
    }

    public static JsonObject Refused(CultureInfo c, string text) => Card.Create().Title(T.Get(c, "visits.notAllowedTitle")).Text(text).Build();

    static void Changes(Card card, CultureInfo c, VisitCorrection k)
    {
        if (k.Changes.Count > 0)
            card.Facts(k.Changes.Select(ch => (Label(c, ch.Field), T.Get(c, "visits.changeLine", Value(c, ch.Field, ch.Before), Value(c, ch.Field, ch.After)))));
        card.Text(T.Get(c, "visits.correctReasonIs", k.Reason));
    }

    public static string Days(TimeSpan window) => Math.Round(window.TotalDays, 1).ToString(CultureInfo.InvariantCulture);

    static string Label(CultureInfo c, string field) => T.Get(c, field switch
    {
        VisitFields.Time => "visits.when",
        VisitFields.ContactPerson => "visits.contactHeading",
        VisitFields.Receivable => "visits.receivable",
        VisitFields.Received => "visits.received",
        _ => "visits." + field,
    });

    /// <summary>The stored form in the reader's words: enum names as the form shows them, the time as the rep saw it, a dash for none.</summary>
    static string Value(CultureInfo c, string field, string? stored) => stored is null ? "—" : field switch
    {
        VisitFields.CustomerType => VisitText.Of(c, Enum.Parse<CustomerCategory>(stored)),
        VisitFields.Purpose => VisitText.Of(c, Enum.Parse<VisitPurpose>(stored)),
        VisitFields.Method => VisitText.Of(c, Enum.Parse<VisitMethod>(stored)),
        VisitFields.Result => VisitText.Of(c, Enum.Parse<VisitResult>(stored)),
        VisitFields.Reason => VisitText.Of(c, Enum.Parse<UnsuccessfulReason>(stored)),
        VisitFields.Time => DateTimeOffset.Parse(stored, CultureInfo.InvariantCulture).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        VisitFields.Receivable or VisitFields.Received => VisitText.Money(c, decimal.Parse(stored, CultureInfo.InvariantCulture)),
        _ => VisitText.Shorten(stored, 120),
    };
}
