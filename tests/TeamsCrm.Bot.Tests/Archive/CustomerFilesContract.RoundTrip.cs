using TeamsCrm.Bot.Domain;

namespace TeamsCrm.Bot.Tests.Archive;

public abstract partial class CustomerFilesContract
{
    static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    [Fact]
    public async Task Every_field_of_a_draft_comes_back_as_entered()
    {
        var draft = new NewCustomer(CustomerKind.Individual, "张伟 (O'Brien \"Zhang\")", Tom,
            Industry: "机械制造", CompanySize: "200–500 人", Region: "华东", Address: "上海市浦东新区 'Century' Ave. 100号 B座",
            Phone: "+86 21-5888-0000", Email: "zhang@example.cn", Website: "https://huadong.example/产品?q=1&x=%20",
            CreditCode: "91310115MA1K3YJ12X", Category: CustomerCategory.Potential, Tier: CustomerTier.Special);

        var created = await Files.CreateAsync(draft, NewSubmissionId());

        var expected = new Customer
        {
            Number = created.Number, Kind = CustomerKind.Individual, Name = draft.Name, OwnerAadObjectId = Tom,
            Industry = draft.Industry, CompanySize = draft.CompanySize, Region = draft.Region, Address = draft.Address,
            Phone = draft.Phone, Email = draft.Email, Website = draft.Website, CreditCode = draft.CreditCode,
            Category = CustomerCategory.Potential, Tier = CustomerTier.Special, Status = CustomerStatus.Pending,
            CreatedAt = Clock.GetUtcNow(), UpdatedAt = Clock.GetUtcNow(), Version = created.Version,
        };
        Assert.Equal(expected, created);
        Assert.Equal(expected, await Files.GetAsync(created.Number));
    }

    [Fact]
    public async Task Every_field_of_a_complete_file_survives_an_update_and_a_read()
    {
        var created = await CreateAsync("上海华东精密机械有限公司");
        Clock.Advance(TimeSpan.FromMinutes(5));
        var complete = created with
        {
            Kind = CustomerKind.Enterprise,
            Name = "Huadong O'Brien & Sons 华东精密",
            Industry = "Machinery", CompanySize = "1000+", Region = "华东 East", Address = "1 O'Brien Road, \"Block B\"",
            Phone = "021 5888 0000", Email = "info@huadong.example", Website = "https://huadong.example", Coordinates = "31.298900, 120.585300",
            CreditCode = "91310115 MA1K3YJ12X", OwnerAadObjectId = Tom,
            Category = CustomerCategory.Important, Tier = CustomerTier.Important,
            KeyAccount = KeyAccountClasses.Group | KeyAccountClasses.Strategic,
            Credit = new Credit("AA", 1_234_567.89m, "月结 30 天 (30 days net)"),
            Stage = DevelopmentStage.Relationship,
            Status = CustomerStatus.Active,
            Project = new ProjectIntelligence("Two CNC lines in Q3", "Scrap rate 4 %", "厂长 Zhou; 采购 Wang", "Sept 2026", "¥ 3.5m", "Tender"),
            Competitor = new CompetitorIntelligence("DMG Mori", "Unhappy with service", "Mr. Sato", "Golf partners"),
            LastReviewedAt = new DateTimeOffset(2026, 2, 27, 16, 0, 0, Shanghai),
            LastContactAt = new DateTimeOffset(2026, 3, 1, 10, 15, 30, Shanghai),
            DeletedAt = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero),
            PurgeAfter = new DateTimeOffset(2026, 4, 2, 8, 0, 0, TimeSpan.Zero),
        };

        var saved = await Files.UpdateAsync(complete, []);

        var expected = complete with { UpdatedAt = Clock.GetUtcNow(), Version = saved.Version };
        Assert.Equal(expected, saved);
        Assert.Equal(expected, await Files.GetAsync(created.Number));
        Assert.Equal(expected, (await Files.GetFileAsync(created.Number))!.Customer);
        Assert.Equal(1_234_567.89m, saved.Credit.Limit);   // not 1234567.8899999999 or 1234567.9
    }

    [Fact]
    public async Task Key_account_classes_none_and_all_survive()
    {
        var created = await CreateAsync("Flags Ltd");
        Assert.Equal(KeyAccountClasses.None, created.KeyAccount);
        var all = KeyAccountClasses.Quality | KeyAccountClasses.HighValue | KeyAccountClasses.Group | KeyAccountClasses.Strategic;

        await Files.UpdateAsync(created with { KeyAccount = all, Stage = DevelopmentStage.Dropped, Credit = new Credit(Limit: 0.01m) }, []);

        var stored = (await Files.GetAsync(created.Number))!;
        Assert.Equal(all, stored.KeyAccount);
        Assert.Equal(DevelopmentStage.Dropped, stored.Stage);
        Assert.Equal(0.01m, stored.Credit.Limit);
    }
}
