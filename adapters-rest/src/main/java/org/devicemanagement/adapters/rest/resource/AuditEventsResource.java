package org.devicemanagement.adapters.rest.resource;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Objects;
import org.devicemanagement.adapters.rest.representation.AuditEventJson;
import org.devicemanagement.adapters.rest.representation.ODataCollectionJson;
import org.devicemanagement.adapters.rest.routing.BoundOperation;
import org.devicemanagement.adapters.rest.routing.Route;
import org.devicemanagement.application.audit.AuditPage;
import org.devicemanagement.application.permission.Caller;
import org.devicemanagement.application.port.in.AuditVocabularyUseCase;
import org.devicemanagement.application.port.in.GetAuditEventQuery;
import org.devicemanagement.application.port.in.GetAuditEventUseCase;
import org.devicemanagement.application.port.in.ListAuditEventsQuery;
import org.devicemanagement.application.port.in.ListAuditEventsUseCase;

/**
 * Graph's {@code deviceManagement/auditEvents}: the list, one event, and the functions {@code
 * getAuditCategories} and {@code getAuditActivityTypes(category='...')} (the route table reads a
 * function's parameter as the segment after its name).
 */
@Path(GraphVersions.TEMPLATE)
@Produces(MediaType.APPLICATION_JSON)
public final class AuditEventsResource {

  private static final String ENTITY_SET = "deviceManagement/auditEvents";
  private static final String STRINGS = "Collection(Edm.String)";

  private final ListAuditEventsUseCase list;
  private final GetAuditEventUseCase get;
  private final AuditVocabularyUseCase vocabulary;

  /** A resource reading the audit trail through the three use cases. */
  @Inject
  public AuditEventsResource(
      ListAuditEventsUseCase list, GetAuditEventUseCase get, AuditVocabularyUseCase vocabulary) {
    this.list = Objects.requireNonNull(list, "list");
    this.get = Objects.requireNonNull(get, "get");
    this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
  }

  /**
   * {@code GET /{version}/deviceManagement/auditEvents}: newest first unless {@code $orderby} says
   * otherwise, paged with {@code $top} and {@code @odata.nextLink}.
   */
  @GET
  @Path(ENTITY_SET)
  public ODataCollectionJson listAuditEvents(
      @Context Route route, @Context Caller caller, @Context UriInfo uri) {
    AuditListingOptions options = AuditListingOptions.from(uri.getQueryParameters());
    AuditPage page =
        list.listAuditEvents(
            new ListAuditEventsQuery(caller, options.query(), options.top(), options.skipToken()));
    return new ODataCollectionJson(
        ODataUrls.context(uri, route.parameter("version"), ENTITY_SET),
        page.nextSkipToken().map(token -> ODataUrls.nextLink(uri, token)).orElse(null),
        page.events().stream().map(AuditEventJson::of).toList());
  }

  /** {@code GET /{version}/deviceManagement/auditEvents/{id}}. */
  @GET
  @Path(ENTITY_SET + "/{id}")
  public AuditEventJson getAuditEvent(
      @Context Route route, @Context Caller caller, @Context UriInfo uri) {
    return AuditEventJson.of(
        get.getAuditEvent(new GetAuditEventQuery(caller, route.parameter("id"))),
        ODataUrls.context(uri, route.parameter("version"), ENTITY_SET + "/$entity"));
  }

  /** {@code GET /{version}/deviceManagement/auditEvents/getAuditCategories}. */
  @GET
  @BoundOperation
  @Path(ENTITY_SET + "/getAuditCategories")
  public ODataCollectionJson getAuditCategories(
      @Context Route route, @Context Caller caller, @Context UriInfo uri) {
    return new ODataCollectionJson(
        ODataUrls.context(uri, route.parameter("version"), STRINGS),
        null,
        vocabulary.getAuditCategories(caller));
  }

  /**
   * {@code GET /{version}/deviceManagement/auditEvents/getAuditActivityTypes(category='...')},
   * which the route table resolves to this path.
   */
  @GET
  @Path(ENTITY_SET + "/getAuditActivityTypes/{category}")
  public ODataCollectionJson getAuditActivityTypes(
      @Context Route route, @Context Caller caller, @Context UriInfo uri) {
    return new ODataCollectionJson(
        ODataUrls.context(uri, route.parameter("version"), STRINGS),
        null,
        vocabulary.getAuditActivityTypes(caller, route.parameter("category")));
  }
}
