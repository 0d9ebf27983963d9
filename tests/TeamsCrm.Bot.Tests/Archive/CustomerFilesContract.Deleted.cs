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
}
