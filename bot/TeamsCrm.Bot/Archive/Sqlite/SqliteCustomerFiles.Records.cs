using System.Globalization;
using Microsoft.Data.Sqlite;
using TeamsCrm.Bot.Domain;

namespace TeamsCrm.Bot.Archive.Sqlite;

/// <summary>
/// What is filed under a customer: contacts, archive entries, change history, access grants and the access log.
/// Adding one does not move the customer's row version: it is a record of its own, not an edit of the file.
/// A customer that does not exist is refused by the foreign keys, so nothing is ever filed under no one.
/// </summary>
sealed partial class SqliteCustomerFiles
{
    public async Task<Contact> AddContactAsync(string number, NewContact contact, CancellationToken ct = default)
    {
        await using var c = db.Open();
        return await InsertContactAsync(c, number, contact, ct);
    }

    /// <summary>The id is the row id, so contacts list in the order they were added.</summary>
    static async Task<Contact> InsertContactAsync(SqliteConnection c, string number, NewContact n, CancellationToken ct)
    {
        var id = (long)(await Sql.ScalarAsync(c, """
            INSERT INTO contacts (customer_number, name, title, phone, email, role) VALUES ($number, $name, $title, $phone, $email, $role)
            RETURNING id
            """, ct, ("$number", number), ("$name", n.Name), ("$title", n.Title), ("$phone", n.Phone), ("$email", n.Email),
            ("$role", n.Role.ToString())))!;
        return new Contact(id.ToString(CultureInfo.InvariantCulture), number, n.Name, n.Title, n.Phone, n.Email, n.Role);
    }

    static Task<List<Contact>> ContactsAsync(SqliteConnection c, string number, CancellationToken ct) =>
        Sql.ListAsync(c, "SELECT id, customer_number, name, title, phone, email, role FROM contacts WHERE customer_number = $number ORDER BY id",
            r => new Contact(r.Integer("id").ToString(CultureInfo.InvariantCulture), r.Text("customer_number"), r.Text("name"),
                r.TextOrNull("title"), r.TextOrNull("phone"), r.TextOrNull("email"), r.EnumOf<ContactRole>("role")),
            ct, ("$number", number));

    /// <summary>Idempotent by <see cref="ArchiveEntry.Id"/>: a redelivered entry is stored once, and the stored one is returned.</summary>
    public async Task<ArchiveEntry> AddEntryAsync(ArchiveEntry entry, CancellationToken ct = default)
    {
        await using var c = db.Open();
        await InsertEntryAsync(c, entry, ct);
        return (await Sql.ListAsync(c, $"{EntryColumns} WHERE id = $id", ReadEntry, ct, ("$id", entry.Id))).Single();
    }

    /// <summary>1 when stored, 0 when an entry with its id is there already.</summary>
    static Task<int> InsertEntryAsync(SqliteConnection c, ArchiveEntry entry, CancellationToken ct) =>
        Sql.ExecAsync(c, """
            INSERT INTO archive_entries (id, customer_number, category, type, date, amount, reference, description, result, created_by_aad_object_id, created_at)
            VALUES ($id, $number, $category, $type, $date, $amount, $reference, $description, $result, $by, $at)
            ON CONFLICT(id) DO NOTHING
            """, ct, ("$id", entry.Id), ("$number", entry.CustomerNumber), ("$category", entry.Category.ToString()), ("$type", entry.Type.ToString()),
            ("$date", Sql.Iso(entry.Date)), ("$amount", Sql.Money(entry.Amount)), ("$reference", entry.Reference),
            ("$description", entry.Description), ("$result", entry.Result), ("$by", entry.CreatedByAadObjectId), ("$at", Sql.Iso(entry.CreatedAt)));

    /// <summary>Newest date first; entries of the same date, the last added first.</summary>
    static Task<List<ArchiveEntry>> EntriesAsync(SqliteConnection c, string number, CancellationToken ct) =>
        Sql.ListAsync(c, $"{EntryColumns} WHERE customer_number = $number ORDER BY date DESC, seq DESC", ReadEntry, ct, ("$number", number));

    internal const string EntryColumns =
        "SELECT id, customer_number, category, type, date, amount, reference, description, result, created_by_aad_object_id, created_at FROM archive_entries";

    internal static ArchiveEntry ReadEntry(SqliteDataReader r) => new(
        r.Text("id"), r.Text("customer_number"), r.EnumOf<ArchiveCategory>("category"), r.EnumOf<EntryType>("type"), r.Date("date"),
        r.MoneyOrNull("amount"), r.TextOrNull("reference"), r.TextOrNull("description"), r.TextOrNull("result"),
        r.Text("created_by_aad_object_id"), r.Time("created_at"));

    static Task<int> InsertChangeAsync(SqliteConnection c, ChangeRecord ch, CancellationToken ct) =>
        Sql.ExecAsync(c, """
            INSERT INTO change_records (customer_number, field, old_value, new_value, by_aad_object_id, at, reason, approval_id)
            VALUES ($number, $field, $old, $new, $by, $at, $reason, $approval)
            """, ct, ("$number", ch.CustomerNumber), ("$field", ch.Field), ("$old", ch.OldValue), ("$new", ch.NewValue),
            ("$by", ch.ByAadObjectId), ("$at", Sql.Iso(ch.At)), ("$reason", ch.Reason), ("$approval", ch.ApprovalId));

    /// <summary>Newest first; the records of one update in the order they were given.</summary>
    static Task<List<ChangeRecord>> HistoryAsync(SqliteConnection c, string number, CancellationToken ct) =>
        Sql.ListAsync(c, """
            SELECT customer_number, field, old_value, new_value, by_aad_object_id, at, reason, approval_id
            FROM change_records WHERE customer_number = $number ORDER BY at DESC, id
            """,
            r => new ChangeRecord(r.Text("customer_number"), r.Text("field"), r.TextOrNull("old_value"), r.TextOrNull("new_value"),
                r.Text("by_aad_object_id"), r.Time("at"), r.TextOrNull("reason"), r.TextOrNull("approval_id")),
            ct, ("$number", number));

    /// <summary>The same grant twice (a redelivered approval) is stored once.</summary>
    public async Task AddGrantAsync(AccessGrant g, CancellationToken ct = default)
    {
        await using var c = db.Open();
        await Sql.ExecAsync(c, """
            INSERT INTO access_grants (customer_number, grantee_aad_object_id, granted_by_aad_object_id, from_at, until_at)
            VALUES ($number, $grantee, $by, $from, $until)
            ON CONFLICT DO NOTHING
            """, ct, ("$number", g.CustomerNumber), ("$grantee", g.GranteeAadObjectId), ("$by", g.GrantedByAadObjectId),
            ("$from", Sql.Iso(g.From)), ("$until", Sql.Iso(g.Until)));
    }

    /// <summary>In the order they start.</summary>
    public async Task<IReadOnlyList<AccessGrant>> GrantsForAsync(string number, CancellationToken ct = default)
    {
        await using var c = db.Open();
        return await Sql.ListAsync(c, """
            SELECT customer_number, grantee_aad_object_id, granted_by_aad_object_id, from_at, until_at
            FROM access_grants WHERE customer_number = $number ORDER BY from_at, id
            """, ReadGrant, ct, ("$number", number));
    }

    public async Task<FoundFiles> FindForAsync(CustomerQuery query, string readerAadObjectId, CancellationToken ct = default)
    {
        IReadOnlyList<Customer> files = query.Kind switch
        {
            CustomerQueryKind.Number => await GetAsync(query.Text, ct) is { Status: not CustomerStatus.Purged } one ? [one] : [],
            CustomerQueryKind.Phone => await FindByPhoneAsync(query.Text, ct),
            _ => await FindByNamePrefixAsync(query.Text, query.Max, ct),
        };
        var owned = new List<Customer>();
        foreach (var owner in query.AlsoOwnedBy) owned.AddRange(await ListByOwnerAsync(owner, ct));
        return new FoundFiles(files, await GrantsToAsync(readerAadObjectId, ct), owned);
    }

    /// <summary>
    /// In the order they start. No index of its own: a table of approved access requests stays small, and the unique index
    /// leads with the customer.
    /// </summary>
    async Task<IReadOnlyList<AccessGrant>> GrantsToAsync(string granteeAadObjectId, CancellationToken ct)
    {
        await using var c = db.Open();
        return await Sql.ListAsync(c, """
            SELECT customer_number, grantee_aad_object_id, granted_by_aad_object_id, from_at, until_at
            FROM access_grants WHERE grantee_aad_object_id = $grantee COLLATE NOCASE ORDER BY from_at, id
            """, ReadGrant, ct, ("$grantee", granteeAadObjectId));
    }

    static AccessGrant ReadGrant(SqliteDataReader r) => new(r.Text("customer_number"), r.Text("grantee_aad_object_id"), r.Text("granted_by_aad_object_id"),
        r.Time("from_at"), r.Time("until_at"));

    public async Task LogAccessAsync(AccessLogEntry e, CancellationToken ct = default)
    {
        await using var c = db.Open();
        await Sql.ExecAsync(c, """
            INSERT INTO access_log (customer_number, reader_aad_object_id, at, what, full) VALUES ($number, $reader, $at, $what, $full)
            """, ct, ("$number", e.CustomerNumber), ("$reader", e.ReaderAadObjectId), ("$at", Sql.Iso(e.At)), ("$what", e.What), ("$full", e.Full));
    }

    /// <summary>Newest first.</summary>
    public async Task<IReadOnlyList<AccessLogEntry>> AccessLogAsync(string number, CancellationToken ct = default)
    {
        await using var c = db.Open();
        return await Sql.ListAsync(c, """
            SELECT customer_number, reader_aad_object_id, at, what, full FROM access_log WHERE customer_number = $number ORDER BY at DESC, id DESC
            """,
            r => new AccessLogEntry(r.Text("customer_number"), r.Text("reader_aad_object_id"), r.Time("at"), r.Text("what"), r.Integer("full") == 1),
            ct, ("$number", number));
    }
}
