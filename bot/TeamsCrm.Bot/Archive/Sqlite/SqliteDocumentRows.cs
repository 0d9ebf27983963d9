using Microsoft.Data.Sqlite;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Documents;

namespace TeamsCrm.Bot.Archive.Sqlite;

/// <summary>The documents table: a row is a <see cref="CustomerDocument"/> and the path of its file below the documents folder.</summary>
static class SqliteDocumentRows
{
    public sealed record Row(CustomerDocument Document, string Path);

    const string Columns = """
        id, customer_number, category, entry_id, visit_id, title, original_name, content_type, size, content_hash,
        uploaded_by_aad_object_id, uploaded_at, filed_at, path
        """;

    public static async Task<List<Row>> QueryAsync(SqliteConnection c, string where, string order, CancellationToken ct,
        params (string Name, object? Value)[] args) =>
        await Sql.ListAsync(c, $"SELECT {Columns} FROM documents WHERE {where} {order}", Read, ct, args);

    public static async Task<Row?> FindAsync(SqliteConnection c, string id, CancellationToken ct) =>
        (await QueryAsync(c, "id = $id", "", ct, ("$id", id))).FirstOrDefault();

    public static Task<int> InsertAsync(SqliteConnection c, CustomerDocument d, string path, CancellationToken ct) => Sql.ExecAsync(c, """
        INSERT INTO documents (id, customer_number, category, entry_id, visit_id, title, original_name, content_type, size, content_hash,
            uploaded_by_aad_object_id, uploaded_at, filed_at, path)
        VALUES ($id, $customer, $category, $entry, $visit, $title, $name, $type, $size, $hash, $by, $at, $filed, $path)
        """, ct, [.. Values(d), ("$path", path), ("$name", d.OriginalName), ("$type", d.ContentType), ("$size", d.Size),
        ("$hash", d.ContentHash), ("$by", d.UploadedByAadObjectId), ("$at", Sql.Iso(d.UploadedAt))]);

    /// <summary>The placement and the path: all that filing changes.</summary>
    public static Task<int> UpdateAsync(SqliteConnection c, CustomerDocument d, string path, CancellationToken ct) => Sql.ExecAsync(c, """
        UPDATE documents SET customer_number = $customer, category = $category, entry_id = $entry, visit_id = $visit, title = $title,
            filed_at = $filed, path = $path
        WHERE id = $id
        """, ct, [.. Values(d), ("$path", path)]);

    public static async Task<bool> PathTakenAsync(SqliteConnection c, string path, CancellationToken ct) =>
        await Sql.ScalarAsync(c, "SELECT 1 FROM documents WHERE path = $path", ct, ("$path", path)) is not null;

    static (string, object?)[] Values(CustomerDocument d) =>
    [
        ("$id", d.Id), ("$customer", d.CustomerNumber), ("$category", d.Category?.ToString()), ("$entry", d.EntryId), ("$visit", d.VisitId),
        ("$title", d.Title), ("$filed", Sql.Iso(d.FiledAt)),
    ];

    static Row Read(SqliteDataReader r) => new(new CustomerDocument
    {
        Id = r.Text("id"), CustomerNumber = r.TextOrNull("customer_number"),
        Category = r.TextOrNull("category") is { } category ? Enum.Parse<ArchiveCategory>(category) : null,
        EntryId = r.TextOrNull("entry_id"), VisitId = r.TextOrNull("visit_id"), Title = r.Text("title"), OriginalName = r.Text("original_name"),
        ContentType = r.Text("content_type"), Size = r.Integer("size"), ContentHash = r.Text("content_hash"),
        UploadedByAadObjectId = r.Text("uploaded_by_aad_object_id"), UploadedAt = r.Time("uploaded_at"), FiledAt = r.TimeOrNull("filed_at"),
    }, r.Text("path"));
}
