using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Forms;
using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Bot.Features.Plans;

/// <summary>
/// The plan editor (table 5-28): the week's planned visits as lines, and one row of inputs to add a visit. Each
/// add or remove is stored at once as a draft (草稿), so the card holds one set of inputs however long the plan
/// grows (a form with inputs per row outgrows Teams' card size at about eight rows), and a plan half done is
/// there the next time. Every button carries the week, the version the card shows and a submission id: the same
/// press twice changes the plan once, and a card older than the stored plan changes nothing unseen.
/// </summary>
public static class PlanForm
{
    /// <summary>A week's plan holds at most this many visits (five a day on working days).</summary>
    public const int MaxItems = 25;
    public const string Customer = "customer", Type = "type", Purpose = "purpose", Day = "day", Time = "time", Contact = "contact", Notes = "notes";
    public static readonly string[] Fields = [Customer, Type, Purpose, Day, Time, Contact, Notes];

    public sealed record Frame(IsoWeek Week, string Version, string SubmissionId)
    {
        public JsonObject Data(params (string Key, string Value)[] more)
        {
            var data = new JsonObject { ["week"] = Week.ToString(), ["version"] = Version, ["submissionId"] = SubmissionId };
            foreach (var (key, value) in more) data[key] = value;
            return data;
        }

        /// <summary>The frame a card sent back; null when it is not one of ours (an old or forged card).</summary>
        public static Frame? From(Turn turn) =>
            IsoWeek.TryParse(turn.DataString("week"), out var week) && SubmissionIds.Parse(turn.DataString("submissionId")) is { } id
                ? new Frame(week, turn.DataString("version") ?? "", id)
                : null;
    }

    /// <summary>Whether the add row holds anything worth adding (Submit adds a filled-in row before submitting).</summary>
    public static bool HasNewItem(FormReader f) => f.Raw(Customer) is not null;

    /// <summary>The add row as typed; null (and messages beside its fields) when it cannot be a planned visit.</summary>
    /// <param name="customer">The row's customer, read and access-checked by the caller; null when there is none.</param>
    /// <param name="now">When it is added: a day already over in <paramref name="zone"/> cannot be planned any more.</param>
    public static VisitPlanItem? Read(FormReader f, IsoWeek week, Domain.Customer? customer, string id, DateTimeOffset now, TimeZoneInfo zone)
    {
        var type = f.Choice<CustomerCategory>(Type);
        var purpose = f.Choice<VisitPurpose>(Purpose, required: true);
        var day = f.OneOf(Day, ["1", "2", "3", "4", "5", "6", "7"], required: true);
        var time = f.Time(Time);
        var contact = f.Text(Contact);
        var notes = f.Text(Notes);
        var date = day is null ? (DateOnly?)null : week.Monday.AddDays(int.Parse(day, CultureInfo.InvariantCulture) - 1);
        if (date is { } d && now >= LocalCalendar.EndOfDay(d, zone))
        {
            f.Fail(Day, "plans.dayOver");
            return null;
        }
        if (customer is null || purpose is null || date is null) return null;
        return new VisitPlanItem(id, customer.Number, type ?? customer.Category, purpose.Value, date.Value, time, contact, notes, customer.Name, now);
    }

    /// <summary>Item ids are small numbers, unique within the plan, never reused while the plan lives.</summary>
    public static string NextId(IReadOnlyList<VisitPlanItem> items) =>
        (items.Select(i => int.TryParse(i.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1)
            .ToString(CultureInfo.InvariantCulture);
}
