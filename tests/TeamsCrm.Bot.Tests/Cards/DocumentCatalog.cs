using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Documents;
using TeamsCrm.Bot.Features.Customers;
using TeamsCrm.Bot.Features.Documents;
using static TeamsCrm.Bot.Tests.Cards.CustomerSamples;

namespace TeamsCrm.Bot.Tests.Cards;

/// <summary>The document cards of <see cref="CardCatalog"/>: the filing card fresh, refused and with many files; the customer card's documents.</summary>
public static class DocumentCatalog
{
    static readonly DateTimeOffset At = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    public static CustomerDocument Document(int i, ArchiveCategory? category = null, string name = "合同 HT-2026-118.pdf") => new()
    {
        Id = $"d{i:D3}" + new string('0', 28), CustomerNumber = category is null ? null : "C-2026-00042", Category = category,
        Title = Path.GetFileNameWithoutExtension(name) + (i == 0 ? "" : $" {i}"), OriginalName = name, ContentType = "application/pdf",
        Size = 1_234_567L * (i + 1), ContentHash = new string('a', 64), UploadedByAadObjectId = "rep", UploadedAt = At.AddMinutes(i),
        FiledAt = category is null ? null : At.AddMinutes(i + 1),
    };

    public static IEnumerable<(string Name, string Builder, JsonObject Card)> All(CultureInfo c)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var l = c.Name;
        var choices = new FilingChoices([("Huadong Precision · C-2026-00042", "C-2026-00042")], File().Entries);
        yield return ($"documents.filing.{l}", "DocumentCards.Filing", DocumentCards.Filing(c, zone,
            new FilingForm([Document(0)], Huadong, null, ArchiveCategory.Contracts, choices, [])));
        yield return ($"documents.filing.visit.{l}", "DocumentCards.Filing", DocumentCards.Filing(c, zone,
            new FilingForm([.. Enumerable.Range(0, 10).Select(i => Document(i, name: $"photo-{i}.jpg"))], Huadong, "v1", ArchiveCategory.Basic, choices,
                [T.Get(c, "documents.tooLarge", "scan.pdf", "50.0 MB"), T.Get(c, "documents.typeRefused", "setup.exe", "pdf, jpg")])));
        yield return ($"documents.filing.refused.{l}", "DocumentCards.Filing", DocumentCards.Filing(c, zone,
            new FilingForm([Document(0)], null, null, ArchiveCategory.Basic, choices with { Entries = [] }, [],
                new FormState(new JsonObject { ["customer"] = "C-2026-09999" }, new Dictionary<string, string>
                    { ["customer"] = T.Get(c, "documents.noSuchCustomer"), [$"title.{Document(0).Id}"] = T.Get(c, "form.required") }))));
        yield return ($"documents.filed.{l}", "DocumentCards.Filed", DocumentCards.Filed(c, Huadong, ArchiveCategory.Contracts,
            [Document(0, ArchiveCategory.Contracts), Document(1, ArchiveCategory.Contracts)]));
        yield return ($"documents.closed.{l}", "DocumentCards.Closed", DocumentCards.Closed(c, "documents.discarded"));
        yield return ($"documents.confirm-remove.{l}", "DocumentCards.ConfirmRemove", DocumentCards.ConfirmRemove(c, Document(0, ArchiveCategory.Contracts), Huadong));
        // Every category with documents, more than a category shows, and the owner's Add document under them.
        var documents = Enum.GetValues<ArchiveCategory>().SelectMany(category => Enumerable.Range(0, category == ArchiveCategory.Basic ? 12 : 1)
            .Select(i => Document(i + 20 * (int)category, category))).ToList();
        yield return ($"customer.file.documents.{l}", "CustomerCards.File", CustomerCards.File(c, zone, Page(FileButtons.Owner) with
            { Documents = documents, DocumentLink = d => "https://crm.example/documents?k=Document&a=" + d.Id, MayRemoveDocument = _ => true }));
        yield return ($"customer.file.documents-counted.{l}", "CustomerCards.File", CustomerCards.File(c, zone, Page(FileButtons.Open) with { Documents = documents }));
    }
}
