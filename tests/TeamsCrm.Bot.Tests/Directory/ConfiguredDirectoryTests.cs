using Microsoft.Extensions.Options;
using TeamsCrm.Bot.Directory;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Bot.Tests.Directory;

/// <summary>The demo organisation as shipped in appsettings.json: the ids must match the Playground's.</summary>
public class ConfiguredDirectoryTests
{
    static async Task<IDirectory> DemoDirectory()
    {
        await using var bot = await TestBot.StartAsync();
        var options = (IOptions<DirectoryOptions>)bot.Services.GetService(typeof(IOptions<DirectoryOptions>))!;
        return new ConfiguredDirectory(Options.Create(options.Value));
    }

    [Fact]
    public async Task The_demo_has_the_six_people_and_roles_every_flow_needs()
    {
        var d = await DemoDirectory();
        Assert.Equal([Demo.LiNa.AadObjectId, Demo.TomBecker.AadObjectId], (await d.WithRoleAsync(Role.Rep)).Select(p => p.AadObjectId).Order());
        Assert.Equal(Demo.ZhangWei.AadObjectId, (await d.ManagerOfAsync(Demo.LiNa.AadObjectId))?.AadObjectId);
        Assert.Equal(Demo.ZhangWei.AadObjectId, (await d.ManagerOfAsync(Demo.TomBecker.AadObjectId))?.AadObjectId);
        var manager = await d.FindAsync(Demo.WangFang.AadObjectId);
        Assert.True(manager!.Is(Role.SalesManager) && manager.Is(Role.KeyAccountDirector));
        Assert.True((await d.FindAsync(Demo.ChenJie.AadObjectId))!.Is(Role.GeneralManager));
        Assert.True((await d.FindAsync(Demo.LiuYang.AadObjectId))!.Is(Role.CustomerService));
        Assert.Equal(["Li Na", "Tom Becker"], (await d.ReportsOfAsync(Demo.ZhangWei.AadObjectId)).Select(p => p.Name));
    }

    [Fact]
    public async Task Someone_not_in_the_directory_has_no_roles_and_no_manager()
    {
        var d = await DemoDirectory();
        Assert.Null(await d.FindAsync(Demo.Stranger.AadObjectId));
        Assert.Null(await d.ManagerOfAsync(Demo.Stranger.AadObjectId));
        Assert.Null(await d.ManagerOfAsync(Demo.ChenJie.AadObjectId));   // the GM reports to no one
    }

    [Fact]
    public void The_playground_config_uses_the_directory_ids()
    {
        var yml = File.ReadAllText(Repo.Path(".m365agentsplayground.yml"));
        foreach (var p in new[] { Demo.LiNa, Demo.TomBecker, Demo.ZhangWei, Demo.WangFang, Demo.ChenJie, Demo.LiuYang })
        {
            Assert.Contains($"aadObjectId: {p.AadObjectId}", yml, StringComparison.Ordinal);
            Assert.Contains($"id: \"{p.TeamsId}\"", yml, StringComparison.Ordinal);
        }
        Assert.Contains("currentUser:\n  id: \"29:demo-li-na\"", yml.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }
}
