namespace Enrichment.Testing.Finding;

/// <summary>One draw from a table of weighted items: the evaluation sets' only shared piece of randomness.</summary>
public static class WeightedPick
{
    public static T Pick<T>(Random random, (T Item, double Weight)[] table)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(table);
        var roll = random.NextDouble() * table.Sum(t => t.Weight);
        foreach (var (item, weight) in table)
        {
            roll -= weight;
            if (roll <= 0)
            {
                return item;
            }
        }

        return table[^1].Item;
    }
}
