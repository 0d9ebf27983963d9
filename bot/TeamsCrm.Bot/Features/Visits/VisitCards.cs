using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Features.Customers;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Features.Visits;

/// <summary>What the visit form offers besides its values: the customers to choose from and the contacts on file.</summary>
/// <param name="Customers">The static choices (one's own customers): the whole choice where typeahead is missing.</param>
/// <param name="CustomerName">The customer the contacts belong to, when one is chosen.</param>
public sealed record VisitFormOptions(string SubmissionId, IReadOnlyList<(string Title, string Value)> Customers, string? CustomerName,
    IReadOnlyList<Contact> Contacts);

public static class VisitCards
{
    public const string CustomerDataset = "customers";
    /// <summary>The message action "Log as visit" / "记为拜访" (the manifest's composeExtensions command, context message).</summary>
    public const string LogAsVisitCommand = "logAsVisit";

    /// <summary>The visit report (客户拜访报告, table 5-29), fresh, prefilled from a note, or refused with messages beside the fields.</summary>
    /// <param name="correcting">The saved report this form corrects (<see cref="CorrectionCards"/>): its customer is fixed, a reason is asked.</param>
    public static JsonObject Form(CultureInfo c, VisitFormOptions o, FormState state, string? notice = null, Visit? correcting = null)
    {
        var card = Card.Create().Title(T.Get(c, correcting is null ? "visits.formTitle" : "visits.correctTitle"));
        var f = new FormFields(card, c, state).Banner(notice);
        card.Text(T.Get(c, correcting is null ? "visits.formIntro" : "visits.correctIntro"), subtle: true);
        if (correcting is null)
            f.Search(VisitForm.Customer, T.Get(c, "visits.customer"), o.Customers, CustomerDataset, required: true, placeholder: T.Get(c, "visits.customerPlaceholder"));
        else card.Facts([(T.Get(c, "visits.customer"), $"{correcting.CustomerName} · {correcting.CustomerNumber}")]);
        // At the customer's door, before filling the report: the check-in dialog (a customer chosen when the form was made).
        if (correcting is null && o.CustomerName is not null && state[VisitForm.Customer] is { Length: > 0 } chosen)
            card.DialogButton(T.Get(c, "visits.checkIn"), CheckIns.CheckInHandler.OpenVerb, CheckIns.CheckInHandler.OpenData(chosen));
        f.Choice(VisitForm.CustomerType, T.Get(c, "visits.customerType"), VisitText.Choices<CustomerCategory>(c), required: true)
            .Choice(VisitForm.Purpose, T.Get(c, "visits.purpose"), VisitText.Choices<VisitPurpose>(c), required: true)
            .Choice(VisitForm.Method, T.Get(c, "visits.method"), VisitText.Choices<VisitMethod>(c), required: true)
            .Date(VisitForm.Date, T.Get(c, "visits.date"), required: true)
            .Time(VisitForm.Time, T.Get(c, "visits.time"));

        card.Heading(T.Get(c, "visits.contactHeading"));
        if (o.Contacts.Count > 0)
            f.Choice(VisitForm.Contact, T.Get(c, "visits.contactOnFile", o.CustomerName ?? ""),
                o.Contacts.Select(p => (p.Title is null ? p.Name : $"{p.Name} ({p.Title})", p.Name)));
        f.Text(VisitForm.ContactName, T.Get(c, o.Contacts.Count > 0 ? "visits.contactNew" : "visits.contactName"))
            .Text(VisitForm.ContactInfo, T.Get(c, "visits.contactInfo"));
        if (correcting is null) f.Toggle(VisitForm.AddContact, T.Get(c, "visits.addContactLabel"), T.Get(c, "visits.addContact"));

        card.Heading(T.Get(c, "visits.reportHeading"));
        f.MultiLine(VisitForm.Notes, T.Get(c, "visits.notes"), required: true)
            .MultiLine(VisitForm.Problems, T.Get(c, "visits.problems"));

        card.Heading(T.Get(c, "visits.collectionHeading"));
        f.Amount(VisitForm.Receivable, T.Get(c, "visits.receivable")).Amount(VisitForm.Received, T.Get(c, "visits.received"));
        card.Text(T.Get(c, "visits.collectionHint"), subtle: true);

        card.Heading(T.Get(c, "visits.resultHeading"));
        f.Choice(VisitForm.Result, T.Get(c, "visits.result"), VisitText.Choices<VisitResult>(c), required: true)
            .Choice(VisitForm.Reason, T.Get(c, "visits.reason"), VisitText.Choices<UnsuccessfulReason>(c))
            .Text(VisitForm.ReasonNote, T.Get(c, "visits.reasonNote"))
            .Text(VisitForm.NextAction, T.Get(c, "visits.nextAction"))
            .Date(VisitForm.NextActionDate, T.Get(c, "visits.nextActionDate"));

        if (correcting is not null) return CorrectionCards.WithReasonAndActions(card, f, c, correcting, o.SubmissionId);
        return card
            .Execute(T.Get(c, "visits.save"), "visit.save", new JsonObject { ["submissionId"] = o.SubmissionId }, style: "positive")
            .Execute(T.Get(c, "visits.discard"), "visit.cancel", withInputs: false)
            .Build();
    }

    /// <summary>The form, once saved, becomes this read-only report: nothing is left to submit twice.</summary>
    /// <param name="again">The save was a second press (or a redelivery): this is the report saved the first time.</param>
    /// <param name="checkIns">The rep's check-ins at the customer on the visit's day: shown with the report.</param>
    public static JsonObject Saved(CultureInfo c, Visit v, bool again, IReadOnlyList<CheckIn>? checkIns = null)
    {
        var card = Card.Create();
        if (again) card.Text(T.Get(c, "visits.savedAlready"), subtle: true);
        card.Title(T.Get(c, "visits.savedTitle", v.CustomerName))
            .Facts([
                (T.Get(c, "visits.when"), VisitText.When(v)),
                (T.Get(c, "visits.customer"), $"{v.CustomerName} · {v.CustomerNumber}"),
                (T.Get(c, "visits.customerType"), VisitText.Of(c, v.CustomerType)),
                (T.Get(c, "visits.purpose"), VisitText.Of(c, v.Purpose)),
                (T.Get(c, "visits.method"), VisitText.Of(c, v.Method)),
                (T.Get(c, "visits.contactHeading"), v.ContactInfo is null ? v.ContactPerson : $"{v.ContactPerson} · {v.ContactInfo}"),
                (T.Get(c, "visits.result"), VisitText.Result(c, v)),
            ]);
        card.Text(T.Get(c, "visits.notesAre", v.Notes));
        if (v.ProblemsAndMeasures is { } problems) card.Text(T.Get(c, "visits.problemsAre", problems));
        if (v.ReasonNote is { } why) card.Text(T.Get(c, "visits.reasonNoteIs", why));
        if (v.Collection is { } money)
            card.Facts([
                (T.Get(c, "visits.receivable"), VisitText.Money(c, money.Receivable)),
                (T.Get(c, "visits.received"), VisitText.Money(c, money.Received)),
                (T.Get(c, "visits.outstanding"), VisitText.Money(c, money.Outstanding)),
            ]);
        if (v.NextAction is { } next && v.NextActionDate is { } due)
            card.Text(T.Get(c, "visits.followUp", next, VisitText.Day(c, due)));
        var zone = LocalCalendar.FindZone(v.TimeZoneId) ?? TimeZoneInfo.Utc;
        foreach (var k in checkIns ?? [])
            card.Text(CheckIns.CheckInText.Said(c, k with { OutAt = null }, zone)
                + (k.OutAt is null ? "" : " " + CheckIns.CheckInText.Said(c, k, zone)), subtle: !k.Flagged);
        return card.Execute(T.Get(c, "visits.openFile"), "customer.open", new JsonObject { ["number"] = v.CustomerNumber })
            .Execute(T.Get(c, "visits.addPhotos"), DocumentSection.HowVerb, new JsonObject { ["number"] = v.CustomerNumber, ["about"] = "visit" }, withInputs: false)
            .Execute(T.Get(c, "visits.correct"), CorrectionCards.OpenVerb, CorrectionCards.Data(v), withInputs: false)
            .Build();
    }

    /// <summary>
    /// The mention fits several customers about equally well: the rep picks one. Each button opens the form for
    /// that customer with the note's values; "another" opens it with none chosen.
    /// </summary>
    public static JsonObject Choose(CultureInfo c, string mention, IReadOnlyList<(string Number, string Name)> candidates,
        IReadOnlyDictionary<string, string?> draft)
    {
        var card = Card.Create().Title(T.Get(c, "visits.chooseTitle", mention));
        foreach (var (number, name) in candidates)
            card.ListItem(name, number, T.Get(c, "visits.thisOne"), "visit.form", VisitDraft.Data(number, draft));
        card.Text(T.Get(c, "visits.neverGuess"), subtle: true);
        return card.Execute(T.Get(c, "visits.another"), "visit.form", VisitDraft.Data(null, draft)).Build();
    }

    /// <summary>Discard: the form is replaced and nothing is kept.</summary>
    public static JsonObject Discarded(CultureInfo c) => Card.Create()
        .Title(T.Get(c, "visits.discardedTitle"))
        .Text(T.Get(c, "visits.discardedText"))
        .Build();

    /// <summary>Someone who may not log this visit; it replaces the card, and nothing was saved.</summary>
    public static JsonObject NotAllowed(CultureInfo c, string reasonKey) => Card.Create()
        .Title(T.Get(c, "visits.notAllowedTitle"))
        .Text(T.Get(c, reasonKey))
        .Build();
}
