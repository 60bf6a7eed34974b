from django.urls import path

from coffee.skills.views import matching, profile, search

app_name = "skills"
urlpatterns = [
    path("search/", search.search, name="search"),
    path("me/edit/", profile.profile_edit, name="profile-edit"),
    path("me/photo/", profile.profile_photo, name="profile-photo"),
    path("me/skills/offered/", profile.offered_skills_update, name="profile-offered"),
    path("me/skills/sought/", profile.sought_skills_update, name="profile-sought"),
    path("people/<int:pk>/", profile.profile_detail, name="profile-detail"),
    path("suggest/", profile.suggest, name="suggest"),
    path("matches/", matching.matches_for_me, name="matches"),
    path("find/", matching.find_people, name="find-people"),
]
