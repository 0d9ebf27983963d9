using Microsoft.Extensions.Hosting;

namespace TeamsCrm.Bot.Archive.SharePoint;

/// <summary>
/// <c>dotnet run --project bot/TeamsCrm.Bot -- provision</c>: creates the archive's SharePoint lists on the site in
/// Archive:SharePoint:SiteId (or adds what is missing), prints what it did, and exits. Configuration comes from the
/// same sources as the bot's (appsettings.json, environment, user secrets, command line), whatever Archive:Provider says,
/// so the lists can be made before the bot is switched to them.
/// </summary>
public static class ProvisionCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(sp => SharePointSettings.From(sp.GetRequiredService<IConfiguration>()));
        builder.Services.AddSingleton(sp => new Provisioner(sp.GetRequiredService<SharePointSettings>().Connect()));
        using var host = builder.Build();
        try
        {
            var settings = host.Services.GetRequiredService<SharePointSettings>();
            await output.WriteLineAsync($"Provisioning the TeamsCrm lists on site {settings.SiteId} through {settings.GraphBaseUrl}");
            var report = await host.Services.GetRequiredService<Provisioner>().RunAsync();
            foreach (var change in report.Changes) await output.WriteLineAsync("  + " + change);
            foreach (var warning in report.Warnings) await output.WriteLineAsync("  ! " + warning);
            await output.WriteLineAsync(report.Changes.Count == 0
                ? $"No changes: all {SharePointLists.All.Count} lists and their columns are in place."
                : $"{report.Changes.Count} change(s) made; all {SharePointLists.All.Count} lists and their columns are in place.");
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or Microsoft.Kiota.Abstractions.ApiException or HttpRequestException)
        {
            await errors.WriteLineAsync($"Provisioning failed: {e.Message}");
            return 1;
        }
    }
}
