using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Domain;

namespace TeamsCrm.Bot.Tests.Archive;

public abstract partial class CustomerFilesContract
{
    [Fact]
    public async Task Deleted_files_are_listed_for_the_purge_and_nothing_else_is()
    {
        var kept = await CreateAsync("Kept Trading");
        var deleted = await CreateAsync("Deleted Trading");
        var purged = await CreateAsync("Purged Trading");
        var now = Clock.GetUtcNow();
        await Files.UpdateAsync(deleted with { Status = CustomerStatus.Deleted, DeletedAt = now, PurgeAfter = now.AddDays(30) }, []);
        await Files.UpdateAsync(purged with { Status = CustomerStatus.Purged, DeletedAt = now.AddDays(-31), PurgeAfter = now.AddDays(-1) }, []);

        var listed = Assert.Single(await Files.ListDeletedAsync());

        Assert.Equal(deleted.Number, listed.Number);
        Assert.Equal(now.AddDays(30), listed.PurgeAfter);
        Assert.DoesNotContain(await Files.ListDeletedAsync(), c => c.Number == kept.Number);
    }

    [Fact]
    public async Task A_purge_removes_everything_filed_under_the_file_and_leaves_only_its_number()
    {
        var now = Clock.GetUtcNow();
        var neighbour = await CreateAsync("Neighbour Trading", phone: "021 5555 0101");
        await Files.AddContactAsync(neighbour.Number, new("Zhao Lei", "Buyer", null, null, ContactRole.Primary));
        var created = await CreateAsync("Purged Trading", phone: "021 5555 0100");
        await Files.AddContactAsync(created.Number, new("Wang Lei", "Buyer", "138 0013 8000", "wang@example.com", ContactRole.Primary));
        await Files.AddEntryAsync(Entry(created, "e-purge", EntryType.Contract, new DateOnly(2026, 2, 1), 1_000m));
        await Files.AddGrantAsync(new AccessGrant(created.Number, Tom, LiNa, now, now.AddDays(7)));
        await Files.LogAccessAsync(new AccessLogEntry(created.Number, Tom, now, "customer card", true));
        var deleted = await Files.UpdateAsync((await Files.GetAsync(created.Number))! with { Status = CustomerStatus.Deleted, DeletedAt = now, PurgeAfter = now.AddDays(30) },
            [new ChangeRecord(created.Number, "status", "Active", "Deleted", LiNa, now, "Company closed", null)]);

        var left = await Files.PurgeAsync(deleted, new ChangeRecord(created.Number, "status", "Deleted", "Purged", Retention.PurgedBy, now.AddDays(30), null, null));

        Assert.Equal((CustomerStatus.Purged, created.Number, null, null), (left.Status, left.Name, left.Phone, left.Industry));
        var file = (await Files.GetFileAsync(created.Number))!;
        Assert.Empty(file.Contacts);
        Assert.Empty(file.Entries);
        Assert.Equal(["status:Purged"], file.History.Select(h => $"{h.Field}:{h.NewValue}"));
        Assert.Empty(await Files.GrantsForAsync(created.Number));
        Assert.Empty(await Files.AccessLogAsync(created.Number));
        Assert.Empty(await Files.FindByPhoneAsync("021 5555 0100"));
        Assert.Single((await Files.GetFileAsync(neighbour.Number))!.Contacts);   // only that file's records go
        await Assert.ThrowsAsync<VersionConflictException>(() =>
            Files.PurgeAsync(deleted, new ChangeRecord(created.Number, "status", "Deleted", "Purged", Retention.PurgedBy, now.AddDays(30), null, null)));
    }
}
