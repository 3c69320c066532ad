"""Processing algorithm "Estimate a request": area, free part, paid part and price of each
area of interest of a layer, as DINAMIS would split it (usable in models).

Each polygon is brought to WGS84 from any CRS, measured on the ellipsoid (the server's
figure), checked (minimum order, validity, vertex limit...) and split with the logged-in
user's remaining free quota and prices, read from the demand manager (`me/quotas`): no
figure lives in the plugin. Each feature is estimated as a request of its own. Without a
login or a demand API, the areas and checks are still written and the prices left empty.
"""
from qgis.core import (QgsFeature, QgsFeatureRequest, QgsFeatureSink, QgsFields,
                       QgsProcessing, QgsProcessingFeatureSource,
                       QgsProcessingException, QgsProcessingOutputNumber,
                       QgsProcessingParameterBoolean, QgsProcessingParameterEnum,
                       QgsProcessingParameterFeatureSink, QgsProcessingParameterFeatureSource,
                       QgsProcessingParameterString)

from ..core.i18n import tr
from ..qgis_glue.footprints import typed_field
from .requests_algorithm import RequestsAlgorithm

KINDS = ("programming", "archive")
# (field name, kind): what each output feature gets beside the input's own fields.
ESTIMATE_FIELDS = (("area_km2", "double"), ("free_km2", "double"), ("paid_km2", "double"),
                   ("eur_per_km2", "double"), ("price_eur", "double"),
                   ("dinamis_km2", "double"), ("dinamis_eur", "double"),
                   ("warnings", "string"), ("problems", "string"))


class EstimateRequestAlgorithm(RequestsAlgorithm):
    INPUT = "INPUT"
    KIND = "KIND"
    SENSOR = "SENSOR"
    CONFIRM = "CONFIRM"
    OUTPUT = "OUTPUT"
    TOTAL_AREA = "TOTAL_AREA"
    TOTAL_PRICE = "TOTAL_PRICE"

    def name(self):
        return "estimaterequest"

    def displayName(self):  # noqa: N802 - QGIS's name
        return tr("Estimate a request")

    def tags(self):
        return ["dinamis", "quota", "price", "area", "request", "programming", "archive"]

    def shortHelpString(self):  # noqa: N802 - QGIS's name
        return tr("For each polygon of the layer (any CRS): its ellipsoidal area in km², the "
                  "part your remaining free quota for the sensor covers, the paid part and "
                  "its price in €, as DINAMIS would split a request of that area, plus the "
                  "warnings and problems (minimum order, invalid outline...). Quotas and "
                  "prices come from the DINAMIS demand manager with your login; without it "
                  "only the areas and checks are written. Each feature counts as a request "
                  "of its own. Optionally DINAMIS confirms each figure with its own quote.")

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS's name
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, tr("Areas of interest"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterEnum(
            self.KIND, tr("Kind of request"),
            options=[tr("Programming (new acquisition)"), tr("Archive")], defaultValue=0))
        self.addParameter(QgsProcessingParameterString(
            self.SENSOR, tr("Sensor (id as DINAMIS lists it: pleiades, pleiades-neo, "
                            "spot-6-7…)"), defaultValue="pleiades"))
        self.addParameter(QgsProcessingParameterBoolean(
            self.CONFIRM, tr("Ask DINAMIS to confirm each figure (one request per feature)"),
            defaultValue=False))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Estimates"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.addOutput(QgsProcessingOutputNumber(self.TOTAL_AREA, tr("Total area (km²)")))
        self.addOutput(QgsProcessingOutputNumber(self.TOTAL_PRICE, tr("Total price (€)")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 - QGIS's name
        from ..core.demand_estimate import estimate
        from ..qgis_glue.aoi import AoiChecker, AoiError
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        kind = KINDS[self.parameterAsEnum(parameters, self.KIND, context)]
        sensor = self.parameterAsString(parameters, self.SENSOR, context).strip()
        confirm = self.parameterAsBoolean(parameters, self.CONFIRM, context)
        client, options, quota = self._server_data(sensor, feedback)
        checker = AoiChecker(options.min_order_km2 if options else None,
                             options.max_aoi_vertices if options else None)
        fields = QgsFields(source.fields())
        for name, field_kind in ESTIMATE_FIELDS:
            fields.append(typed_field(name, field_kind))
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields,
                                             source.wkbType(), source.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        label = options.sensor_label(sensor) if options else sensor
        total_area = total_price = 0.0
        count = max(source.featureCount(), 1)
        # Invalid outlines are checked and explained here, feature by feature, rather than
        # stopping the whole run as Processing's generic check would.
        features = source.getFeatures(
            QgsFeatureRequest(), QgsProcessingFeatureSource.Flag.FlagSkipGeometryValidityChecks)
        for index, feature in enumerate(features):
            if feedback.isCanceled():
                break
            values = dict.fromkeys(name for name, _ in ESTIMATE_FIELDS)
            try:
                lonlat = checker.to_wgs84(feature.geometry(), source.sourceCrs())
                check = checker.check(lonlat, source.sourceCrs())
            except AoiError as error:
                check, values["problems"] = None, str(error)
            if check is not None:
                values["problems"] = " ".join(p.message for p in check.problems) or None
                result = estimate(check.area_km2, kind, quota, checker.min_order_km2, label)
                values.update(area_km2=result.area_km2, free_km2=result.quota_km2,
                              paid_km2=result.paid_km2, eur_per_km2=result.eur_per_km2,
                              price_eur=result.price_eur,
                              warnings=" ".join(result.warnings()) or None)
                total_area += result.area_km2 or 0.0
                total_price += result.price_eur or 0.0
                if confirm and client is not None and check.sendable \
                        and kind == "programming":  # an archive is quoted from its image
                    values.update(self._confirm(client, kind, sensor, check, feedback))
            out = QgsFeature(fields)
            out.setGeometry(feature.geometry())
            out.setAttributes(feature.attributes() + [values[n] for n, _ in ESTIMATE_FIELDS])
            sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)
            feedback.setProgress(100.0 * (index + 1) / count)
        feedback.pushInfo(tr("Total: {area} km², {price} €.").format(
            area=f"{total_area:,.2f}", price=f"{total_price:,.2f}"))
        return {self.OUTPUT: dest_id, self.TOTAL_AREA: total_area,
                self.TOTAL_PRICE: total_price}

    @staticmethod
    def _server_data(sensor, feedback):
        """(client or None, options or None, the sensor's quota or None), with the reason
        for anything missing told to the user."""
        from .. import api
        from ..core.demands import DemandClient, DemandsUnavailable
        from ..core.errors import DinamisError
        try:
            session = api.session()
            client = DemandClient.for_session(session)
            options = client.options()
        except DemandsUnavailable as error:
            feedback.pushWarning(str(error))
            return None, None, None
        except DinamisError as error:
            feedback.pushWarning(str(error))
            return None, None, None
        if options.sensors and sensor not in {s.id for s in options.sensors}:
            raise QgsProcessingException(tr("DINAMIS has no sensor \"{sensor}\"; it lists: "
                                            "{known}.").format(
                sensor=sensor, known=", ".join(s.id for s in options.sensors)))
        if not session.is_logged_in:
            feedback.pushWarning(tr("Not logged in to DINAMIS: areas only, no quota or price. "
                                    "Log in from the DINAMIS account panel (or "
                                    "dinamis.login() in the Python console)."))
            return None, options, None
        try:
            quotas = {q.sensor: q for q in client.my_quotas()}
        except DinamisError as error:
            feedback.pushWarning(str(error))
            return client, options, None
        return client, options, quotas.get(sensor)

    @staticmethod
    def _confirm(client, kind, sensor, check, feedback) -> dict:
        from datetime import date, timedelta
        from ..core.errors import DinamisError
        start = date.today() + timedelta(days=7)  # any future period: it does not change
        body = {"kind": kind, "sensor": sensor, "aoi": check.geojson(),  # the price
                "period": {"start": start.isoformat(),
                           "end": (start + timedelta(days=90)).isoformat()}}
        try:
            quote = client.quote(body)
        except DinamisError as error:
            feedback.pushWarning(str(error))
            return {}
        return {"dinamis_km2": quote.area_km2, "dinamis_eur": quote.price_eur}
