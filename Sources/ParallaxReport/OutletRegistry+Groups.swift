extension OutletRegistry {
    /// The group an outlet is shown in by country and ownership (`"GB · public"`, `"RU · state-owned"`,
    /// `"country unknown · ownership unknown"`), and whether the registry knows either. Pages list known groups
    /// first, in label order.
    public func countryAndOwnership(ofOutlet name: some StringProtocol) -> (known: Bool, label: String) {
        let outlet = outlet(named: name)
        let country = outlet?.country
        let ownership = outlet?.ownership?.rawValue
        let label = (country ?? "country unknown") + " · " + (ownership ?? "ownership unknown")
        return (country != nil || ownership != nil, label)
    }
}
