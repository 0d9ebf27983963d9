using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Domain;

namespace TeamsCrm.Bot.Tests.Archive;

public abstract partial class CustomerFilesContract
{
    /// <summary>Zhang Wei, the reps' leader, approved the change.</summary>
    static readonly string Approver = TeamsCrm.TestSupport.Demo.ZhangWei.AadObjectId;

    ChangeRecord Change(Customer c, string field, string? old, string? @new, string? reason = null) =>
        new(c.Number, field, old, @new, Approver, Clock.GetUtcNow(), reason, "approval-" + field);

    [Fact]
    public async Task An_update_from_the_current_version_saves_the_file_and_its_change_records_and_moves_the_version()
    {
        var created = await CreateAsync("Huadong Precision");
        Clock.Advance(TimeSpan.FromHours(2));
        ChangeRecord[] changes =
        [
            Change(created, "Name", "Huadong Precision", "Huadong Precision Machinery", "registered name"),
            Change(created, "Phone", null, "021 5888 0000"),
        ];

        var saved = await Files.UpdateAsync(created with { Name = "Huadong Precision Machinery", Phone = "021 5888 0000" }, changes);

        Assert.NotEqual(created.Version, saved.Version);
        Assert.Equal(Clock.GetUtcNow(), saved.UpdatedAt);
        Assert.Equal(created.CreatedAt, saved.CreatedAt);
        Assert.Equal(saved, await Files.GetAsync(created.Number));
        Assert.Equal(changes, (await Files.GetFileAsync(created.Number))!.History);
        Assert.Equal([created.Number], (await Files.FindByPhoneAsync("02158880000")).Select(c => c.Number));   // normal forms follow the update
        Assert.Single(await Files.FindByNamePrefixAsync("Huadong Precision Machinery", 10));
    }

    [Fact]
    public async Task An_update_cannot_change_the_number_s_creation_time()
    {
        var created = await CreateAsync("Huadong Precision");
        Clock.Advance(TimeSpan.FromDays(1));

        var saved = await Files.UpdateAsync(created with { CreatedAt = Clock.GetUtcNow().AddYears(-3), UpdatedAt = default }, []);

        Assert.Equal(created.CreatedAt, saved.CreatedAt);
        Assert.Equal(Clock.GetUtcNow(), saved.UpdatedAt);
    }

    [Fact]
    public async Task An_update_from_a_stale_version_throws_with_the_current_file_and_changes_nothing()
    {
        var created = await CreateAsync("Huadong Precision");
        var first = await Files.UpdateAsync(created with { Region = "华东" }, [Change(created, "Region", null, "华东")]);
        var fileBefore = await Files.GetFileAsync(created.Number);
        Clock.Advance(TimeSpan.FromMinutes(1));

        var conflict = await Assert.ThrowsAsync<VersionConflictException>(() =>
            Files.UpdateAsync(created with { Region = "华南", Name = "Stale Name" }, [Change(created, "Region", null, "华南")]));

        Assert.Equal(first, conflict.Current);
        var fileAfter = (await Files.GetFileAsync(created.Number))!;
        Assert.Equal(fileBefore!.Customer, fileAfter.Customer);
        Assert.Equal(fileBefore.History, fileAfter.History);
        Assert.Equal(["华东"], fileAfter.History.Select(h => h.NewValue));
        Assert.Empty(await Files.FindByNamePrefixAsync("Stale", 10));
    }

    [Fact]
    public async Task Of_two_updates_from_the_same_version_at_once_exactly_one_wins()
    {
        var created = await CreateAsync("Huadong Precision");

        string[] regions = ["East", "West"];
        var attempts = await AllAtOnceAsync(2, async i =>
        {
            var region = regions[i];
            try { return (region, saved: (Customer?)await Files.UpdateAsync(created with { Region = region }, [Change(created, "Region", null, region)])); }
            catch (VersionConflictException) { return (region, saved: null); }
        });

        var winner = Assert.Single(attempts, a => a.saved is not null);
        var stored = (await Files.GetFileAsync(created.Number))!;
        Assert.Equal(winner.saved, stored.Customer);
        Assert.Equal(winner.region, stored.Customer.Region);
        Assert.Equal([winner.region], stored.History.Select(h => h.NewValue));
    }

    [Fact]
    public async Task History_lists_the_newest_update_first_and_one_update_s_records_in_the_order_given()
    {
        var v1 = await CreateAsync("Huadong Precision");
        var earlier = new[] { Change(v1, "Region", null, "华东"), Change(v1, "Industry", null, "Machinery") };
        var v2 = await Files.UpdateAsync(v1 with { Region = "华东", Industry = "Machinery" }, earlier);
        Clock.Advance(TimeSpan.FromDays(3));
        var later = new[] { Change(v2, "Tier", "General", "Important"), Change(v2, "Category", "New", "Important") };
        await Files.UpdateAsync(v2 with { Tier = CustomerTier.Important, Category = CustomerCategory.Important }, later);

        Assert.Equal([.. later, .. earlier], (await Files.GetFileAsync(v1.Number))!.History);
    }
}
