using Microsoft.Data.Sqlite;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Archive.Sqlite;

/// <summary>Visit ↔ visits row, and FollowUp ↔ follow_ups row: one list of columns makes the INSERT and the SELECT.</summary>
static class SqliteVisitRows
{
    static readonly (string Column, Func<Visit, object?> Value)[] Columns =
    [
        ("id", v => v.Id),
        ("submission_id", v => v.SubmissionId),
        ("customer_number", v => v.CustomerNumber),
        ("customer_name", v => v.CustomerName),
        ("rep_aad_object_id", v => v.RepAadObjectId),
        ("customer_type", v => v.CustomerType.ToString()),
        ("purpose", v => v.Purpose.ToString()),
        ("method", v => v.Method.ToString()),
        ("time", v => Sql.Iso(v.Time)),
        ("time_zone", v => v.TimeZoneId),
        ("local_date", v => Sql.Iso(v.LocalDate)),
        ("contact_person", v => v.ContactPerson),
        ("contact_info", v => v.ContactInfo),
        ("notes", v => v.Notes),
        ("problems", v => v.ProblemsAndMeasures),
        ("receivable", v => Sql.Money(v.Collection?.Receivable)),
        ("received", v => Sql.Money(v.Collection?.Received)),
        ("result", v => v.Result.ToString()),
        ("reason", v => v.Reason?.ToString()),
        ("reason_note", v => v.ReasonNote),
        ("next_action", v => v.NextAction),
        ("next_action_date", v => v.NextActionDate is { } d ? Sql.Iso(d) : null),
        ("created_at", v => Sql.Iso(v.CreatedAt)),
        ("revision", v => v.Revision),
        ("withdrawn_at", v => Sql.Iso(v.WithdrawnAt)),
    ];

    /// <summary>What a correction never changes: whose visit, to which customer, logged when and by which card.</summary>
    static readonly HashSet<string> Fixed = ["id", "submission_id", "customer_number", "customer_name", "rep_aad_object_id", "created_at"];

    public static readonly string Select = "SELECT " + string.Join(", ", Columns.Select(c => c.Column)) + " FROM visits";

    public static readonly string Insert =
        $"INSERT INTO visits ({string.Join(", ", Columns.Select(c => c.Column))}) VALUES ({string.Join(", ", Columns.Select(c => "$" + c.Column))})";

    /// <summary>The corrected report over the stored one, only if that is still at $was (the revision the correction was made on).</summary>
    public static readonly string Update =
        $"UPDATE visits SET {string.Join(", ", Columns.Where(c => !Fixed.Contains(c.Column)).Select(c => $"{c.Column} = ${c.Column}"))} WHERE id = $id AND revision = $was";

    public static (string Name, object? Value)[] Parameters(Visit visit) => [.. Columns.Select(c => ("$" + c.Column, c.Value(visit)))];

    public static Visit Read(SqliteDataReader r) => new()
    {
        Id = r.Text("id"),
        SubmissionId = r.Text("submission_id"),
        CustomerNumber = r.Text("customer_number"),
        CustomerName = r.Text("customer_name"),
        RepAadObjectId = r.Text("rep_aad_object_id"),
        CustomerType = r.EnumOf<CustomerCategory>("customer_type"),
        Purpose = r.EnumOf<VisitPurpose>("purpose"),
        Method = r.EnumOf<VisitMethod>("method"),
        Time = r.Time("time"),
        TimeZoneId = r.Text("time_zone"),
        ContactPerson = r.Text("contact_person"),
        ContactInfo = r.TextOrNull("contact_info"),
        Notes = r.Text("notes"),
        ProblemsAndMeasures = r.TextOrNull("problems"),
        Collection = r.MoneyOrNull("receivable") is { } receivable ? new Collection(receivable, r.MoneyOrNull("received") ?? 0m) : null,
        Result = r.EnumOf<VisitResult>("result"),
        Reason = r.TextOrNull("reason") is { } reason ? Enum.Parse<UnsuccessfulReason>(reason) : null,
        ReasonNote = r.TextOrNull("reason_note"),
        NextAction = r.TextOrNull("next_action"),
        NextActionDate = r.TextOrNull("next_action_date") is not null ? r.Date("next_action_date") : null,
        CreatedAt = r.Time("created_at"),
        Revision = r.GetInt32(r.GetOrdinal("revision")),
        WithdrawnAt = r.TimeOrNull("withdrawn_at"),
    };

    public const string InsertFollowUp = """
        INSERT INTO follow_ups (visit_id, rep_aad_object_id, customer_number, customer_name, due, action, created_at)
        VALUES ($visit, $rep, $number, $name, $due, $action, $at)
        """;

    public static (string Name, object? Value)[] Parameters(FollowUp f) =>
    [
        ("$visit", f.VisitId), ("$rep", f.RepAadObjectId), ("$number", f.CustomerNumber), ("$name", f.CustomerName),
        ("$due", Sql.Iso(f.Due)), ("$action", f.Action), ("$at", Sql.Iso(f.CreatedAt)),
    ];

    public const string SelectFollowUps = "SELECT visit_id, rep_aad_object_id, customer_number, customer_name, due, action, created_at FROM follow_ups";

    public static FollowUp ReadFollowUp(SqliteDataReader r) => new(
        r.Text("visit_id"), r.Text("rep_aad_object_id"), r.Text("customer_number"), r.Text("customer_name"), r.Date("due"),
        r.Text("action"), r.Time("created_at"));
}
