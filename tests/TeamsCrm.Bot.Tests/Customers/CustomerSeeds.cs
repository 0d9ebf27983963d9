using System.Text.Json.Nodes;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Domain;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Bot.Tests.Customers;

/// <summary>Customer files put straight into the archive before a transcript, and the data cards send.</summary>
public static class CustomerSeeds
{
    /// <summary>16:00 in Shanghai, where the demo people are; the year gives the numbers C-2026-…</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    public const string HuadongPhone = "+86 21 5555 0100";
    public const string HuadongCreditCode = "91310115MA1H7GQ2XU";

    public static Task<TestBot> StartBotAsync() => TestBot.StartAsync(now: Now);

    /// <summary>C-2026-00001 when seeded first: Li Na's active enterprise customer with two contacts, entries and no history.</summary>
    public static async Task<Customer> HuadongAsync(ICustomerFiles files, DemoPerson? owner = null)
    {
        var draft = new NewCustomer(CustomerKind.Enterprise, "Huadong Precision", (owner ?? Demo.LiNa).AadObjectId,
            Industry: "Machinery", CompanySize: "100-499", Region: "Shanghai", Address: "88 Zhangjiang Road, Pudong",
            Phone: HuadongPhone, Email: "info@huadong.example", Website: "www.huadong.example", CreditCode: HuadongCreditCode,
            Category: CustomerCategory.Important, Tier: CustomerTier.Special,
            Contacts: [new NewContact("Wang Lei", "Purchasing manager", "138 0013 8000", "wang.lei@huadong.example", ContactRole.Primary),
                       new NewContact("Zhou Min", "Chief engineer", null, null, ContactRole.DecisionMaker)]);
        var created = await files.CreateAsync(draft, Guid.NewGuid().ToString("D"));
        var active = await files.UpdateAsync(created with { Status = CustomerStatus.Active }, []);
        await files.AddEntryAsync(Entry(created.Number, "e1", EntryType.Contract, new DateOnly(2026, 10, 8), 1_200_000m, "HT-2026-118", "Two CNC lines"));
        await files.AddEntryAsync(Entry(created.Number, "e2", EntryType.Repayment, new DateOnly(2026, 11, 5), 400_000m, "RC-0042", null));
        await files.AddEntryAsync(Entry(created.Number, "e3", EntryType.Contract, new DateOnly(2026, 11, 12), 80_000m, "HT-2026-131", "Spare parts"));
        await files.AddEntryAsync(Entry(created.Number, "e4", EntryType.Contract, new DateOnly(2026, 3, 2), 35_000m, "HT-2026-021", "Trial order"));
        return active;
    }

    /// <summary>A second customer whose name also starts with "Hua", with no contacts.</summary>
    public static Task<Customer> HuaxinAsync(ICustomerFiles files, DemoPerson owner) => files.CreateAsync(
        new NewCustomer(CustomerKind.Enterprise, "Huaxin Logistics", owner.AadObjectId, Phone: "025 8888 0200"), Guid.NewGuid().ToString("D"));

    static ArchiveEntry Entry(string number, string id, EntryType type, DateOnly date, decimal? amount, string? reference, string? description) =>
        new($"{number}/{id}", number, EntryTypes.CategoryOf(type), type, date, amount, reference, description, null, Demo.LiNa.AadObjectId, Now);

    /// <summary>What the new-customer form sends when every field is filled in well.</summary>
    public static JsonObject NewCompany(string submissionId, string name = "Nanjing Steel Works", string? phone = "025 5210 3300",
        string? creditCode = "91440300MA5FUJ1R0R") => new()
    {
        ["kind"] = "Enterprise", ["submissionId"] = submissionId,
        ["name"] = name, ["industry"] = "Steel", ["companySize"] = "500-999", ["region"] = "Jiangsu", ["address"] = "1 Zhongshan Road, Nanjing",
        ["phone"] = phone, ["email"] = "sales@njsteel.example", ["website"] = "https://njsteel.example", ["creditCode"] = creditCode,
        ["category"] = "Potential", ["tier"] = "General",
        ["contactName"] = "Sun Hao", ["contactTitle"] = "Procurement director", ["contactPhone"] = "139 1234 5678",
        ["contactEmail"] = "sun.hao@njsteel.example", ["contactRole"] = "DecisionMaker",
    };

    public static JsonObject Number(string number, params (string Key, JsonNode? Value)[] more)
    {
        var data = new JsonObject { ["number"] = number };
        foreach (var (key, value) in more) data[key] = value;
        return data;
    }

    /// <summary>A copy with some values changed: a JSON node belongs to one activity only.</summary>
    public static JsonObject But(this JsonObject data, params (string Key, JsonNode? Value)[] changes)
    {
        var copy = (JsonObject)data.DeepClone();
        foreach (var (key, value) in changes) copy[key] = value;
        return copy;
    }

    public const string Submission1 = "11111111-1111-4111-8111-111111111111";
    public const string Submission2 = "22222222-2222-4222-8222-222222222222";
}
