"""The parameters each stage's checks take: the schema a rule file is validated against.

A rule names the check (a function of its stage) it configures and gives that check its
parameters; this table says, for every stage and check, which parameters exist and what each
is: a type, or a tuple of the values it may take. It is data, kept below the rules module and
the stages so that validating rule files needs no stage (and the stages and the rules do not
import each other).
"""

from __future__ import annotations

#: OpenCC's shipped configurations that turn Traditional into Simplified: a rule file names
#: one of these, never a path (a config is a file OpenCC opens)
CONFIGS = ("t2s", "tw2s", "hk2s", "tw2sp", "t2s.json", "tw2s.json", "hk2s.json", "tw2sp.json")

#: stage -> check -> parameter -> type (or the values it may take)
SCHEMAS = {
    "normalise": {
        "fullwidth_ascii": {},
        "compat_ideographs": {},
        "ascii_punct_in_cjk": {"marks": str},
        "invisible_chars": {},
        "traditional_to_simplified": {"min_ratio": float, "min_chars": int, "config": CONFIGS},
        "replacement_chars": {},
    },
    "ocr": {
        "detect_ocr": {"sign_patterns": list, "sign_names": list, "min_signs": int, "min_rate": float},
        "punct_width": {"pattern": str},
        "bracket_pairs": {"openers": str, "closers": str, "stops": str, "inside_pattern": str, "reach": int, "breaks": int,
                          "open_to": str, "close_to": str},
        "pattern_repair": {"pattern": str, "to": str},
        "pattern_insert": {"pattern": str, "to": str},
        "lost_opener": {"pattern": str, "credit_pattern": str, "piece_pattern": str, "names_rule": str, "open_to": str,
                        "close_to": str},
        "flags": {"pattern": str},
        "lookalikes": {"margin": float, "window": int, "candidates": int, "pairs": list, "protect_patterns": list},
        "page_echo": {"lookalike_rule": str, "scope_pattern": str, "min_echo": int, "max_read_echo": int, "margin": float},
        "nested_quotes": {"opener": str, "closer": str, "open_to": str, "close_to": str, "max_inside": int, "inside_stops": str,
                          "outer_stops": str, "reset_pattern": str},
        "stray_chars": {"chars": str, "window": int, "margin": float},
        "lost_closer": {"opener": str, "closer": str, "ends": str, "after_pattern": str,
                        "said_pattern": str},
    },
    "pdf": {"read_layout": {"row_tolerance": float, "gutter_ems": float, "same_size": float, "max_pitch": float,
                            "pitch_slack": float, "first_line_slack": float, "line_slack": float, "hang_ems": float,
                            "indent_ems": float, "short_ems": float, "space_ems": float, "copy_ems": float,
                            "lane_min": int, "lane_reach": float, "lane_near": float, "band_gap_ems": float, "band_reach_ems": float,
                            "band_cover": float, "display_ratio": float, "bold_ratio": float, "goes_on_ems": float,
                            "caption_reach": float, "kicker_reach": float, "vertical_step": float,
                            "baseline_step": float, "run_gap_ems": float, "display_space_ems": float,
                            "display_lines": int, "bold_weight": int, "blank_ems": float, "size_step": float,
                            "vertical_min": float, "column_overlap": float, "redraw_ems": float}},
    "lines": {"split_merged_byline": {"byline_pattern": str, "name_pattern": str, "min_rest": int,
                                       "trailing_pattern": str, "doubled_share": float,
                                       "runon_pattern": str, "runon_move_min": int,
                                       "later_role_pattern": str, "surnames": str, "compound_surnames": list}},
    "columns": {"side_by_side": {"min_gap": int, "tolerance": int, "separation": int, "min_rows": int, "min_share": float,
                                  "min_page_share": float, "band_gap": int, "max_lanes": int,
                                  "full_slack": int, "full_rank": float, "max_cross": float, "headline_beside": int, "piece_share": float,
                                  "part_gap": int, "local_cross": bool,
                                  "part_straddled": bool},
                "interleaved": {"weights": dict, "width_tolerance": float, "window": int, "start_cost": float,
                                "beam": int, "same_step": float, "closed_step": float, "min_steady": int, "use_lexicon": bool,
                                "lm_prior": float, "lm_clip": float, "cut_merged": bool,
                                "merged_min_lines": int, "merged_min_width": float,
                                "merged_max_blanks": int, "merged_min_cuts": int},
                "box_blanks": {"max_box_lines": float},
                "ocr_rows": {"marks": str, "tolerance": float, "within": float, "over": float, "short": float, "short_open": float,
                             "max_over": float, "plain_reach": float, "skip": float, "cut_cost": dict,
                             "min_measure": float, "max_measure": float, "min_rows": int, "min_share": float, "vote_share": float, "vote_marks": str, "open_cuts": list,
                             "max_lanes": int, "misfit": float, "head_rows": int, "head_fill": float, "head_cuts": list,
                             "full_rank": float, "min_full": float, "min_page_share": float}},
    "dedouble": {
        "doubled_line": {"min_coverage": float, "min_result": int, "max_length": int,
                         "protected": list, "protected_chars": str},
        "doubled_near_match": {"min_similarity": float, "min_length": int},
        "doubled_split_lines": {"max_line_width": float, "max_lines": int, "min_coverage": float},
        "doubled_line_pair": {"max_length": int, "min_length": int, "tail_max": int, "tail_once_max": int},
        "drawn_bold": {"display_ratio": float, "bold_ratio": float},
        "lone_headline_end": {"min_length": int, "max_length": int, "end_max": int},
        "doubled_short_heading": {"min_result": int, "min_siblings": int},
    },
    "rejoin": {
        "score_break": {
            "geo_size_step": float, "geo_space_ems": float, "geo_space_pitches": float, "full_tolerance": float, "indent_min": float, "indent_max": float,
            "short_deficit": float, "heading_deficit": float, "heading_cut_gain": float, "heading_cut_defer": bool, "heading_cut_quotes": bool, "headline_wider": float, "never_opens": list, "half_width_slack": float, "wider_column": float, "indent_after_open": float, "max_column": float,
            "gap_window": int, "gap_everywhere_min": float, "gap_informative_max": float,
            "caption_openers": list, "caption_end": float, "weights": dict, "dateline_alone": list,
            "standalone_max_width": float, "quote_spread": float,
            "copy_window": int, "copy_min_line": int, "copy_min_chars": int, "copy_context": int, "copy_narrower": float, "copy_across": int,
            "paragraph_openers": list, "no_break_endings": str, "closing_lines": list, "turn_openers": list, "subhead_forms": list,
            "word_run_reach": int,
            "first_line_column_check": bool,
            "never_ends": list,
            "caption_cut": str,
        },
        "hyphen_join": {},
    },
    "label": {
        "whole_block": {"kind": ("furniture", "credit"), "patterns": list, "max_length": int},
        "ocr_block": {"kind": ("furniture", "credit"), "patterns": list, "max_length": int},
        "caption": {"patterns": list, "credit_patterns": list, "credit_marks": list, "line_credit_patterns": list,
                    "max_length": int,
                    "geo_caption_ratio": float,
                    "credit_max_length": int,
                    "bare_max_lines": int, "bare_max_length": int, "bare_min_length": int, "bare_short_ems": float,
                    "bare_threshold": float, "bare_credited_threshold": float, "bare_strong_credits": list, "bare_strong_credit_lines": list, "bare_date_opener": list, "bare_position_marks": list,
                    "bare_said": list, "bare_weights": dict,
                    "bare_scene": list, "bare_linked": list, "bare_column_reach": int},
        "byline": {"patterns": list, "max_length": int, "role_pattern": str, "break_name_max": int, "bare_names_max": int,
                   "bare_name_min_length": int},
        "dateline": {"patterns": list},
        "heading": {"max_length": int, "max_lines": int, "end_marks": str, "comma_max_length": int,
                    "subtitle_openers": list, "interview_turns": list, "stack_marks": str,
                    "run_in_apart": float},
        "pullquote": {"min_length": int, "ngram": int, "min_similarity": float, "window": int, "window_overlap": int,
                      "stack_narrower": float, "quote_narrower": float, "source_narrower": float,
                      "min_shared": float, "quote_reach": int, "cut_narrower": float, "stack_quotes": int,
                      "cut_open_marks": str, "cut_word_gain": float, "cut_word_reach": int},
    },
    "spacing": {
        "body_blanks": {"kinds": list},
        "spaced_digits": {"kinds": list},
        "blank_runs": {"kinds": list},
    },
    "assemble": {
        "heal_cut_paragraph": {"max_distance": int, "column_tolerance": float, "min_score": float,
                               "distance_cost": float, "split_word": float, "split_word_min_uses": int,
                               "split_word_reach": int, "open_cues": dict, "full_line_slack": float,
                               "indent_gap": float, "short_tail_width": float, "same_column_tolerance": float,
                               "uncolumned_extra": float, "tail_reach": int, "tail_margin": float,
                               "glued_seam": float,
                               "reads_on": float, "reads_on_clip": float, "across_opens_apart": bool, "across_reads_below": float, "across_elsewhere": float,
                               "tail_join": float, "tail_join_clip": float, "tail_closed_margin": float, "tail_closed_titled": bool, "tail_closed_open": bool, "tail_closed_names": int, "tail_closed_against": int, "tail_closed_reach": int, "tail_closed_threshold": float, "tail_closed_clip": list, "tail_closed_weights": dict, "lm_prior": float},
        "segment_articles": {"column_change": float, "min_affinity": float, "no_title": float,
                             "short_article": list, "continuity_weight": float, "column_stay": float,
                             "column_near": float, "column_near_stay": float,
                             "confidence_bias": float, "confidence_margin": float, "confidence_no_title": float,
                             "confidence_flags": float, "confidence_echo": float, "confidence_short": float,
                             "confidence_plain_title": float, "confidence_open_end": float,
                             "confidence_bold_subhead": float, "confidence_inner_dateline": float,
                             "confidence_margin_cap": float, "review_margin": float, "dateline_stay": float,
                             "roundup_stay": float, "subhead_dated_stay": float, "subhead_dated_cohesion": float, "roundup_cohesion": float,
                             "boundary_gap": float, "boundary_column": float, "boundary_base": float,
                             "boundary_slope": float, "boundary_min": float, "boundary_max": float,
                             "continuity_max": float, "geo_boundary": float, "boundary_quoted": float, "quoted_reach": int,
                             "cohesion_before": int, "cohesion_after": int,
                             "set_bold_bonus": float,
                             "section_reach": int, "section_margin": float, "section_names": int,
                             "section_against": int, "section_lead": bool, "section_untitled": bool,
                             "suspend_cost": float, "resume_cost": float, "resume_affinity": float, "resume_same": float, "suspend_beam": int,
                             "resume_last": bool,
                             "decoder_beam": int, "single_subhead": float, "section_max_run": int, "section_max_body": int},
        "attach_headlines": {
            "open_cost": float, "byline_open_cost": float, "byline_close_cost": float, "byline_inside_cost": float, "subhead_cohesion": float, "mid_heading_share": float, "split_cost": float, "back_split_cost": float, "back_close_cost": float, "back_close_lone": float, "split_plain_extra": float,
            "subclose_cost": float, "subclose_first_cost": float, "byline_between_penalty": float, "byline_apart_penalty": float, "byline_under_title": float, "byline_line_apart": float, "tag_apart": float,
            "lead_repeat": float, "lead_repeat_penalty": float, "parallel_bonus": float, "inside_apart": float, "subhead_cost": float,
            "affinity_slope": float, "phrase_pair_bonus": float, "bold_penalty": float,
            "short_heading": int, "short_heading_bonus": float, "long_heading": int,
            "long_heading_penalty": float, "bold_subtitle_penalty": float, "subtitle_max_length": int,
            "long_subtitle_penalty": float, "byline_with_credit": float, "reporter_credit": str,
            "inside_cost": float, "inside_column_change": float, "title_echo": float, "subhead_echo": float, "subhead_topic": float, "set_length_bonus": float,
            "uncolumned_long_penalty": float, "set_longer_gap": int, "set_longer_penalty": float,
            "dash_title_penalty": float, "extra_heading_penalty": float, "second_byline_penalty": float,
            "subtitle_under_bold": float, "gap_opens": float, "next_byline_cost": float, "max_part": int,
            "column_tags": list, "pair_join": dict, "parallel_length": int, "pair_short_piece": int, "kicker_width_ratio": float, "kicker_open_ends": str, "pair_break_marks": str, "pair_blank": float, "pair_min_measure": float, "pair_measure_slack": float, "pair_max_length": int, "dash_line_max": int, "dash_whole_apart": float, "geo_text_above": float, "geo_two_titles": float, "geo_subhead": float,
            "byline_with_dateline": float,
            "adopt_bylines": bool,
            "dash_piece_max": int,
            "commentary_byline": str,
            "odd_bold_penalty": float,
        },
        "place_subheads": {"default_section": int, "echo_distance_cost": float, "adopt_orphans": bool},
        "attach_pullquotes": {"max_candidates": int, "min_partial_ratio": float},
        "attach_captions": {},
        "drop_furniture": {"rescue_headings": bool},
        "headline_over_two_lines": {"max_length": int, "min_uses": int, "reach": int},
        "unsplice_copy": {"min_chars": int, "max_chars": int, "max_lines": int, "min_side": int},
        "reunite_parts": {"weights": dict, "threshold": float, "min_drafts": int, "min_names": int, "name_uses": int,
                          "reach": int, "window": int},
    },
}

#: parameters that only make sense strictly between two bounds: (check, parameter) -> (low, high)
OPEN_INTERVALS = {
    ("reunite_parts", "threshold"): (0.0, 1.0),  # a probability: 0 or 1 joins all or nothing
}

#: checks a stage cannot do without: a rule file may tune them, not disable them
ALWAYS_ON = frozenset({
    "score_break",  # rejoin
    "segment_articles", "attach_headlines", "place_subheads", "attach_pullquotes", "attach_captions",
    "drop_furniture",  # assemble
})
