using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Features.Customers;
using TeamsCrm.Bot.Forms;

namespace TeamsCrm.Bot.Tests.Cards;

/// <summary>Representative customer files for the card catalog, including one far larger than any real file.</summary>
public static class CustomerSamples
{
    static readonly DateTimeOffset At = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);
    public const string Owner = "li-na";

    public static Customer Huadong => new()
    {
        Number = "C-2026-00042", Kind = CustomerKind.Enterprise, Name = "Huadong Precision Machinery", OwnerAadObjectId = Owner,
        Industry = "Machinery", CompanySize = "100-499", Region = "Shanghai", Address = "88 Zhangjiang Road, Pudong",
        Phone = "+86 21 5555 0100", Email = "info@huadong.example", Website = "www.huadong.example", CreditCode = "91310115MA1H7GQ2XU",
        Category = CustomerCategory.Important, Tier = CustomerTier.Special, KeyAccount = KeyAccountClasses.Quality | KeyAccountClasses.Strategic,
        Credit = new Credit("A", 2_000_000m, "30 days"), Stage = DevelopmentStage.Assessment, Status = CustomerStatus.Active,
        CreatedAt = At.AddDays(-30), UpdatedAt = At, Version = "3",
    };

    public static CustomerFile File(int contacts = 3, int entriesPerType = 2, int changes = 3, int textLength = 60)
    {
        var text = new string('x', textLength);
        var people = Enumerable.Range(1, contacts).Select(i =>
            new Contact($"{i}", "C-2026-00042", $"Contact {i}", "Purchasing manager", "138 0013 8000", $"c{i}@huadong.example", (ContactRole)(i % 6))).ToList();
        var entries = Enum.GetValues<EntryType>().SelectMany(type => Enumerable.Range(1, entriesPerType).Select(i =>
            new ArchiveEntry($"{type}-{i}", "C-2026-00042", EntryTypes.CategoryOf(type), type, new DateOnly(2026, 11, i % 28 + 1),
                type == EntryType.Complaint ? null : 1_234_567.5m * i, $"REF-{i}", text, type == EntryType.Complaint ? text : null, Owner, At))).ToList();
        var history = Enumerable.Range(1, changes).Select(i =>
            new ChangeRecord("C-2026-00042", "phone", "021 5555 0100", "021 5555 0199", Owner, At.AddMinutes(-i), text, null)).ToList();
        return new CustomerFile(Huadong, people, entries, history);
    }

    public static CustomerPage Page(FileButtons buttons, CustomerFile? file = null, string? notice = null) =>
        new(file ?? File(), "Li Na", "Zhang Wei", new Dictionary<string, string> { [Owner] = "Li Na" }, buttons, notice);

    public static FormState Typed(params (string Id, string Value)[] values)
    {
        var json = new JsonObject();
        foreach (var (id, value) in values) json[id] = value;
        return new FormState(json, new Dictionary<string, string>());
    }

    /// <summary>A refused new-customer form: every field typed, several wrong, each with its message.</summary>
    public static FormState RefusedForm(CultureInfo c)
    {
        var data = new JsonObject
        {
            ["name"] = "", ["phone"] = "call me", ["email"] = "li@", ["website"] = "ftp://x", ["creditCode"] = "91310115MA1H7GQ2XA",
            ["category"] = "New", ["tier"] = "General", ["companySize"] = "20-99", ["contactName"] = "", ["contactTitle"] = "Buyer",
            ["contactRole"] = "Primary",
        };
        var reader = new FormReader(data, c);
        CustomerBasics.Read(reader, CustomerKind.Enterprise);
        ContactForm.Read(reader, required: true);
        return new FormState(data, reader.Errors);
    }

    public static string SubmissionId => "3f2b8c1e-5d6a-4e7f-9a0b-1c2d3e4f5a6b";
}
