from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Location")


@_attrs_define
class Location:
    """A location derived from an IP address.

    Attributes:
        city (str | Unset): The city.
        country (str | Unset): The country.
        latitude (float | Unset): The latitude.
        longitude (float | Unset): The longitude.
        region (str | Unset): The region.
        zipcode (str | Unset): The postal code.
        display_string (str | Unset): A display string for the location.
    """

    city: str | Unset = UNSET
    country: str | Unset = UNSET
    latitude: float | Unset = UNSET
    longitude: float | Unset = UNSET
    region: str | Unset = UNSET
    zipcode: str | Unset = UNSET
    display_string: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        city = self.city

        country = self.country

        latitude = self.latitude

        longitude = self.longitude

        region = self.region

        zipcode = self.zipcode

        display_string = self.display_string

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if city is not UNSET:
            field_dict["city"] = city
        if country is not UNSET:
            field_dict["country"] = country
        if latitude is not UNSET:
            field_dict["latitude"] = latitude
        if longitude is not UNSET:
            field_dict["longitude"] = longitude
        if region is not UNSET:
            field_dict["region"] = region
        if zipcode is not UNSET:
            field_dict["zipcode"] = zipcode
        if display_string is not UNSET:
            field_dict["displayString"] = display_string

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        city = d.pop("city", UNSET)

        country = d.pop("country", UNSET)

        latitude = d.pop("latitude", UNSET)

        longitude = d.pop("longitude", UNSET)

        region = d.pop("region", UNSET)

        zipcode = d.pop("zipcode", UNSET)

        display_string = d.pop("displayString", UNSET)

        if cls is Location:
            location = cls(
                city,
                country,
                latitude,
                longitude,
                region,
                zipcode,
                display_string,
            )
        else:  # a subclass's __init__ may take the fields in another order
            location = cls(
                city=city,
                country=country,
                latitude=latitude,
                longitude=longitude,
                region=region,
                zipcode=zipcode,
                display_string=display_string,
            )

        if d:  # the keys this client's spec does not document, which a newer FusionAuth may send
            location.additional_properties.update(d)
        return location

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
