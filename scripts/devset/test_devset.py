#!/usr/bin/env python3
"""Tests of the development set's gold derivation, gold check and scorer on small cases whose
answer is known. usage: python3 scripts/devset/test_devset.py (standard library only)."""
import sys
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import check  # noqa: E402
import gold  # noqa: E402
import score  # noqa: E402

ITEMS = [("title", "标题"), ("p", "第一段使用compound词和apt-get命令。"), ("p", "第二段Unicode文本")]


class GoldTests(unittest.TestCase):
    def derive(self, pages):
        text, rep = gold.derive(pages, ITEMS, "刊头", "- {n} -")
        return text, rep

    def test_typesetter_hyphen_dropped_real_hyphen_kept(self):
        pages = ["刊头\n- 1 -\n标题\n第一段使用com\u2010\npound词和apt-\nget命令。\n第二段Uni-\ncode文本\n"]
        text, rep = self.derive(pages)
        self.assertEqual(text, "刊头\n\n- 1 -\n\n标题\n\n第一段使用compound词和apt-get命令。\n\n第二段Unicode文本\n")
        self.assertEqual(rep["typesetter_hyphens"], 2)
        self.assertEqual(check.check_pair("".join(pages), text), [])

    def test_page_furniture_between_columns_of_one_paragraph(self):
        pages = ["标题\n第一段使用\n- 1 -\n", "刊头\ncompound词和apt-get命令。\n第二段Unicode文本\n"]
        text, _ = self.derive(pages)
        self.assertEqual(text, "标题\n\n第一段使用\n\n- 1 -\n\n刊头\n\ncompound词和apt-get命令。\n\n第二段Unicode文本\n")

    def test_out_of_order_lines_are_split_and_counted(self):
        pages = ["标题\n第二段Unicode文本\n第一段使用compound词和apt-get命令。\n"]
        text, rep = self.derive(pages)
        self.assertEqual(text, "标题\n\n第二段Unicode文本\n\n第一段使用compound词和apt-get命令。\n")
        self.assertGreater(rep["jumps"], 0)

    def test_space_lost_inside_a_line_follows_the_extraction(self):
        items = [("p", "由Ian Murdock创建。")]
        text, _ = gold.derive(["由IanMurdock创建。\n"], items, "刊头", "{n}")
        self.assertEqual(text, "由IanMurdock创建。\n")
        text, _ = gold.derive(["由Ian\nMurdock创建。\n"], items, "刊头", "{n}")
        self.assertEqual(text, "由Ian Murdock创建。\n")

    def test_check_rejects_a_changed_character(self):
        self.assertNotEqual(check.check_pair("第一段\n", "第二段\n"), [])
        self.assertNotEqual(check.check_pair("apt-get\n", "aptget\n"), [])  # not at a line end
        self.assertEqual(check.check_pair("apt-\nget\n", "aptget\n"), [])  # may be a typesetter's
        self.assertNotEqual(check.check_pair("第一-\n段\n", "第一段\n"), [])


class ScoreTests(unittest.TestCase):
    INPUT = "第一段com-\npound词\n第二段\n"
    GOLD = "第一段compound词\n\n第二段\n"

    def test_gold_scores_one(self):
        r = score.score_pair(self.INPUT, self.GOLD, self.GOLD)
        self.assertEqual((r["tp"], r["fp"], r["fn"], r["lost"], r["soft"], r["kept"]), (1, 0, 0, 0, 1, 0))

    def test_input_as_is_keeps_the_hyphen_and_breaks(self):
        r = score.score_pair(self.INPUT, self.GOLD, self.INPUT)
        self.assertEqual((r["tp"], r["fp"], r["fn"], r["lost"], r["kept"]), (1, 1, 0, 0, 1))

    def test_lost_character_and_spurious_space(self):
        r = score.score_pair(self.INPUT, self.GOLD, "第一段 compound\n\n第二段\n")
        self.assertEqual((r["lost"], r["spurious"]), (1, 1))

    def test_real_hyphen_dropped_is_lost(self):
        r = score.score_pair("用apt-\nget命令\n", "用apt-get命令\n", "用aptget命令\n")
        self.assertEqual((r["lost_h"], r["lost"]), (1, 1))


if __name__ == "__main__":
    unittest.main(verbosity=1)
