using TeamsCrm.Bot.Archive.SharePoint;
using TeamsCrm.Bot.Archive.Sqlite;

namespace TeamsCrm.Bot.Archive;

public static class ArchiveServices
{
    /// <summary>
    /// Archive:Provider = Sqlite (the default: a file under data/, no cloud needed) or SharePoint (lists on the site
    /// Archive:SharePoint:SiteId, through Graph). Documents: Archive:Documents:Path (SQLite: the folder of the files, by
    /// default "documents" beside the database) and Archive:Documents:SpoolPath (SharePoint: where a file waits while it
    /// is measured, by default the temp folder). Settings are read when the archive is built, not here, so that every
    /// configuration source (tests too) is in place; Program builds it at start, so a bad setting stops the bot there.
    /// </summary>
    public static IServiceCollection AddArchive(this IServiceCollection services)
    {
        services.AddSingleton<ICrmArchive>(sp =>
        {
            var config = sp.GetRequiredService<IConfiguration>();
            var clock = sp.GetRequiredService<TimeProvider>();
            var provider = config["Archive:Provider"] ?? "Sqlite";
            if (provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
                return new SqliteArchive(new SqliteDatabase(config["Archive:Sqlite:Path"] ?? "data/teamscrm.db"), clock, Setting(config, "Archive:Documents:Path"));
            if (provider.Equals("SharePoint", StringComparison.OrdinalIgnoreCase))
                return new SharePointArchive(SharePointSettings.From(config).Connect(), clock, sp.GetRequiredService<ILoggerFactory>(),
                    Setting(config, "Archive:Documents:SpoolPath"));
            throw new InvalidOperationException($"Archive:Provider '{provider}' is not known. Use 'Sqlite' or 'SharePoint'.");
        });
        return services;
    }

    static string? Setting(IConfiguration config, string key) => string.IsNullOrWhiteSpace(config[key]) ? null : config[key];
}
