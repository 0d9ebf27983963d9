using System.Globalization;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Forms;

namespace TeamsCrm.Bot.Features.Visits;

/// <summary>
/// The visit report form (table 5-29): its input ids, and a submitted form read into a <see cref="Visit"/>.
/// Everything is checked twice on the server: the form reader reads each value, then <see cref="VisitRules"/>
/// checks the report as a whole; both end up as messages beside the fields.
/// </summary>
public static class VisitForm
{
    public const string Customer = "customerNumber", CustomerType = "customerType", Purpose = "purpose", Method = "method";
    public const string Date = "date", Time = "time", Contact = "contact", ContactName = "contactName", ContactInfo = "contactInfo";
    public const string AddContact = "addContact", Notes = "notes", Problems = "problems", Receivable = "receivable", Received = "received";
    public const string Result = "result", Reason = "reason", ReasonNote = "reasonNote", NextAction = "nextAction", NextActionDate = "nextActionDate";

    /// <summary>What a quick note or a chooser may prefill (carried in the data of the chooser's buttons; never trusted, only shown).</summary>
    public static readonly string[] DraftFields = [Date, Time, Purpose, Method, ContactName, Notes, NextAction, NextActionDate];

    /// <summary>Where each rule's problems are shown: the rules name report fields, the card has inputs.</summary>
    static readonly Dictionary<string, string> InputOf = new(StringComparer.Ordinal)
    {
        [VisitFields.Customer] = Customer, [VisitFields.CustomerType] = CustomerType, [VisitFields.Purpose] = Purpose,
        [VisitFields.Method] = Method, [VisitFields.Time] = Date, [VisitFields.ContactPerson] = ContactName,
        [VisitFields.ContactInfo] = ContactInfo, [VisitFields.Notes] = Notes, [VisitFields.Collection] = Receivable,
        [VisitFields.Receivable] = Receivable, [VisitFields.Received] = Received, [VisitFields.Result] = Result,
        [VisitFields.Reason] = Reason, [VisitFields.ReasonNote] = ReasonNote, [VisitFields.NextAction] = NextAction,
        [VisitFields.NextActionDate] = NextActionDate,
    };

    /// <summary>The report as typed; the caller saves it only when the reader has no errors afterwards.</summary>
    /// <param name="customer">The file the form names, already read and access-checked by the caller; null when none was chosen.</param>
    public static Visit Read(FormReader f, Domain.Customer? customer, string rep, string submissionId, DateTimeOffset now, TimeZoneInfo zone)
    {
        var type = f.Choice<CustomerCategory>(CustomerType, required: true);
        var purpose = f.Choice<VisitPurpose>(Purpose, required: true);
        var method = f.Choice<VisitMethod>(Method, required: true);
        var date = f.Date(Date, required: true);
        var time = f.Time(Time);
        var picked = f.Text(Contact);
        var typedName = f.Text(ContactName);
        var info = f.Text(ContactInfo);
        var notes = f.MultiLine(Notes, required: true);
        var problems = f.MultiLine(Problems);
        var received = f.Amount(Received);
        var receivable = f.Amount(Receivable, required: received is not null);
        var result = f.Choice<VisitResult>(Result, required: true);
        var reason = f.Choice<UnsuccessfulReason>(Reason);
        var reasonNote = f.Text(ReasonNote);
        var nextAction = f.Text(NextAction);
        var nextDate = f.Date(NextActionDate);
        if (typedName is null && picked is null && !f.Errors.ContainsKey(ContactName)) f.Fail(ContactName, "visits.contactNeeded");

        var visit = new Visit
        {
            Id = Guid.NewGuid().ToString("D"),
            SubmissionId = submissionId,
            CustomerNumber = customer?.Number ?? "",
            CustomerName = customer?.Name ?? "",
            RepAadObjectId = rep,
            CustomerType = type ?? customer?.Category ?? CustomerCategory.Regular,
            Purpose = purpose ?? VisitPurpose.Other,
            Method = method ?? VisitMethod.OnSite,
            // A day that could not be read leaves the time at now: the message is the date's own, not "in the future".
            Time = date is { } d ? LocalCalendar.VisitInstant(d, time, now, zone) : now,
            TimeZoneId = zone.Id,
            ContactPerson = typedName ?? picked ?? "",
            ContactInfo = info,
            Notes = notes ?? "",
            ProblemsAndMeasures = problems,
            Collection = receivable is { } r ? new Collection(r, received ?? 0m) : null,
            Result = result ?? VisitResult.Successful,
            Reason = result == VisitResult.NotYet ? reason : null,
            ReasonNote = result == VisitResult.NotYet ? reasonNote : null,
            NextAction = nextAction,
            NextActionDate = nextDate,
            CreatedAt = now,
        };
        foreach (var field in VisitRules.Validate(visit, now).ToDictionary())
            if (InputOf.TryGetValue(field.Key, out var input))
                f.Fail(input, "visits.problem." + field.Value[0]);
        return visit;
    }

    /// <summary>A saved report as the form's values, to correct it: the contact picked from the file when they are on it.</summary>
    public static FormState Of(Visit v, IReadOnlyList<Contact> contacts)
    {
        var local = LocalCalendar.FindZone(v.TimeZoneId) is { } zone ? TimeZoneInfo.ConvertTime(v.Time, zone) : v.Time;
        var onFile = contacts.Any(p => p.Name == v.ContactPerson);
        return FormState.Of(new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [Customer] = v.CustomerNumber, [CustomerType] = v.CustomerType.ToString(), [Purpose] = v.Purpose.ToString(), [Method] = v.Method.ToString(),
            [Date] = VisitText.Date(DateOnly.FromDateTime(local.DateTime)), [Time] = local.ToString("HH:mm", CultureInfo.InvariantCulture),
            [Contact] = onFile ? v.ContactPerson : null, [ContactName] = onFile ? null : v.ContactPerson, [ContactInfo] = v.ContactInfo,
            [Notes] = v.Notes, [Problems] = v.ProblemsAndMeasures,
            [Receivable] = v.Collection?.Receivable.ToString(CultureInfo.InvariantCulture), [Received] = v.Collection?.Received.ToString(CultureInfo.InvariantCulture),
            [Result] = v.Result.ToString(), [Reason] = v.Reason?.ToString(), [ReasonNote] = v.ReasonNote,
            [NextAction] = v.NextAction, [NextActionDate] = v.NextActionDate is { } due ? VisitText.Date(due) : null,
        });
    }

    /// <summary>A fresh form: the customer's type, on-site, today now (a report is filled right after the visit), then whatever the draft says.</summary>
    public static FormState Fresh(Domain.Customer? customer, IReadOnlyDictionary<string, string?> draft, DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var today = DateOnly.FromDateTime(local.DateTime);
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [Customer] = customer?.Number,
            [CustomerType] = (customer?.Category ?? CustomerCategory.Regular).ToString(),
            [Purpose] = null,
            [Method] = nameof(VisitMethod.OnSite),
            [Date] = VisitText.Date(today),
            [Time] = local.ToString("HH:mm", CultureInfo.InvariantCulture),
            [Result] = nameof(VisitResult.Successful),
        };
        foreach (var (key, value) in draft)
            if (value is not null && DraftFields.Contains(key)) values[key] = value;
        // A day in the past was said ("yesterday"): the time of day is not known, so it is left for the rep.
        if (values[Date] != VisitText.Date(today) && draft.GetValueOrDefault(Time) is null) values[Time] = null;
        return FormState.Of(values);
    }
}
