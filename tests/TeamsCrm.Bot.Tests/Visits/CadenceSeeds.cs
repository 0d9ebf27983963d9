using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Domain;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Bot.Tests.Visits;

/// <summary>
/// Files at every point of the cadence, as of Wednesday 18 November 2026 in Shanghai (<see cref="VisitSeeds.Now"/>):
/// Li Na's overdue, due soon and not yet due, Tom's overdue key accounts, and a pending file that does not count.
/// </summary>
public static class CadenceSeeds
{
    public sealed record World(Customer Steel, Customer Huadong, Customer Optics, Customer Ports, Customer TomsMill);

    public static async Task<World> SeedAsync(ICustomerFiles files)
    {
        var steel = await FileAsync(files, "Nanjing Steel Works", Demo.LiNa, CustomerTier.General, KeyAccountClasses.Strategic, "2026-09-10");   // 60 → 9 Nov: 9 days
        var huadong = await FileAsync(files, "Huadong Precision Machinery", Demo.LiNa, CustomerTier.Important, KeyAccountClasses.Quality, "2026-11-01");   // 15 Nov: 3 days
        var optics = await FileAsync(files, "Suzhou Optics", Demo.LiNa, CustomerTier.Special, KeyAccountClasses.None, "2026-10-21");   // 20 Nov: in 2 days
        var ports = await FileAsync(files, "Ningbo Ports", Demo.LiNa, CustomerTier.Important, KeyAccountClasses.None, "2026-11-17");   // 1 Dec: not yet
        var mill = await FileAsync(files, "Wuxi Paper Mill", Demo.TomBecker, CustomerTier.Special, KeyAccountClasses.HighValue, "2026-10-01");   // 15 Oct: 34 days
        await FileAsync(files, "Hefei Glass", Demo.TomBecker, CustomerTier.Important, KeyAccountClasses.None, "2026-10-01");   // overdue, no key account
        await FileAsync(files, "Pending Pumps", Demo.LiNa, CustomerTier.Important, KeyAccountClasses.Group, "2026-09-01", active: false);
        return new World(steel, huadong, optics, ports, mill);
    }

    static async Task<Customer> FileAsync(ICustomerFiles files, string name, DemoPerson owner, CustomerTier tier, KeyAccountClasses classes,
        string lastContact, bool active = true)
    {
        var created = await files.CreateAsync(new NewCustomer(CustomerKind.Enterprise, name, owner.AadObjectId, Category: CustomerCategory.Regular),
            Guid.NewGuid().ToString("D"));
        var contact = DateTimeOffset.Parse(lastContact + "T10:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture);
        return await files.UpdateAsync(created with
        {
            Status = active ? CustomerStatus.Active : CustomerStatus.Pending, Tier = tier, KeyAccount = classes, LastContactAt = contact,
        }, []);
    }
}
